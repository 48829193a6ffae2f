"""The student's study commands: ``grade quiz`` (spaced repetition) and ``grade exam`` (a mock exam)."""

from __future__ import annotations

import datetime
import secrets

import click

from grader.cli_errors import InputError


def _pages(topic_spec: str | None):  # noqa: ANN202 - list[grader.bank.Page], imported lazily
    from grader import bank
    from grader.topic_range import parse_topic_range

    try:
        wanted = parse_topic_range(topic_spec) if topic_spec else None
        return [p for p in bank.load_bank() if not wanted or p.topic in wanted]
    except (ValueError, bank.BankError) as e:
        raise InputError(str(e)) from None


def _show(text: str) -> None:
    from grader import quiz

    click.echo(quiz.plain(text))


@click.command("quiz")
@click.option("--topic", "topic_spec", metavar="RANGE", help="Only these topics, e.g. 25 or 20-25.")
@click.option("--weak", is_flag=True, help="Only questions you answered wrongly before.")
@click.option("-n", "--count", type=click.IntRange(1, 500), default=10, show_default=True)
def quiz_command(topic_spec: str | None, weak: bool, count: int) -> None:
    """Theory questions with spaced repetition: wrong answers come back sooner."""
    from grader import quiz, topics, workspace

    today = datetime.date.today()
    state = workspace.section("quiz")
    cards = quiz.select(_pages(topic_spec), state, today, count=count, weak=weak)
    if not cards:
        click.echo("Nothing to ask: no question is due today." if not weak else "No wrongly answered questions.")
        return
    right = 0
    for number, card in enumerate(cards, 1):
        question = card.question
        click.echo(f"\n[{number}/{len(cards)}] Тема {card.topic}. {topics.topic(card.topic).title} · {question.id}")
        _show(question.text)
        if question.choices:
            for i, choice in enumerate(question.choices, 1):
                click.echo(f"  {i}) {quiz.plain(choice)}")
            correct = quiz.check(question, click.prompt("Your answer (choice numbers, e.g. 2 or 1,3)"))
            click.echo("Right." if correct else "Wrong. Right: " + ", ".join(str(i + 1) for i in question.correct))
        elif question.value is not None:
            correct = quiz.check(question, click.prompt("Your answer (a number)"))
            click.echo("Right." if correct else f"Wrong. Right: {question.value:g} (±{question.tolerance:g})")
        else:
            click.prompt("Think it over, then press Enter to see the answer key", default="", show_default=False)
        click.echo("Answer key:")
        _show(question.answer)
        if not (question.choices or question.value is not None):
            correct = click.confirm("Did you know it?", default=False)
        entry = quiz.record(state, question.id, correct, today)
        workspace.save_section("quiz", state)  # after every answer: Ctrl-C loses nothing
        right += correct
        click.echo(f"(box {entry['box']}; next time: {entry['due']})")
    click.echo(f"\n{right} of {len(cards)} right.")


@click.command("exam")
@click.option("--minutes", type=click.IntRange(0, 600), default=30, show_default=True,
              help="Time for the ticket (0: no countdown).")
@click.option("--topics", "topic_spec", default="1-41", show_default=True, metavar="RANGE")
@click.option("--seed", type=int, help="Draw this ticket again (default: a new one).")
def exam_command(minutes: int, topic_spec: str, seed: int | None) -> None:
    """A mock exam: one ticket, a countdown, then your practical part graded and the answer keys."""
    from grader import catalog, engine, exam_pool, mock_exam, report, tickets, topics, workspace
    from grader.topic_range import parse_topic_range

    try:
        pool = exam_pool.load_pool(parse_topic_range(topic_spec))
    except ValueError as e:
        raise InputError(str(e)) from None
    seed = secrets.randbelow(1_000_000) if seed is None else seed
    try:
        ticket = pool.draw(tickets.Request(1, 2, None, seed))[0]
    except tickets.DrawError as e:
        raise InputError(str(e)) from None
    exercise, part = catalog.find(ticket.task.id)
    path, _ = workspace.student_file(exercise)
    click.echo(f"Ticket (seed {seed}; `grade exam --seed {seed}` draws it again)")
    for number, item in enumerate(ticket.questions, 1):
        click.echo(f"\n{number}. Тема {item.topic}. {topics.topic(item.topic).title} "
                   f"({mock_exam.QUESTION_POINTS} points)")
        _show(pool.questions[item.id].text)
    click.echo(f"\n3. Practical task {part.number}: function {part.name} in {path} ({mock_exam.TASK_POINTS} points)")
    _show(pool.tasks[part.number].statement)
    click.echo("")
    mock_exam.wait_for_enter(minutes)

    graded = engine.grade(exercise, engine.Submission((path.resolve(),)), parts=[part])
    click.echo("\n".join(["", *report.render_checks(graded.results), report.summary_line(graded)]))
    marks = []
    for number, item in enumerate(ticket.questions, 1):
        click.echo(f"\nAnswer key to question {number}:")
        _show(pool.questions[item.id].answer)
        marks.append(click.prompt(f"Your mark for answer {number} (0-{mock_exam.QUESTION_POINTS})",
                                  type=click.IntRange(0, mock_exam.QUESTION_POINTS)))
    result = mock_exam.ExamResult(datetime.datetime.now().isoformat(timespec="seconds"), seed,
                                  tuple(q.id for q in ticket.questions), part.number, tuple(marks),
                                  graded.score, graded.max_score)
    workspace.save_section("exams", [*(workspace.section("exams") or []), result.as_record()])
    click.echo(f"\nExam result: {result.total:g} of {result.max_total} points (kept in your progress file).")


COMMANDS = (quiz_command, exam_command)
