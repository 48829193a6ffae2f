"""The teacher's paper commands: ``grade tickets``, ``grade sheet`` and ``grade moodle``.

Each reads the question bank, builds every document in memory, and only then writes
them all (``grader.outputs``): bad input costs nothing and leaves no half-written file.
"""

from __future__ import annotations

from pathlib import Path

import click

from grader.cli_errors import InputError

FORMAT_CHOICE = click.Choice(["pdf", "html", "md"])


def _band(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    low, _, high = value.partition("-")
    try:
        band = (int(low), int(high or low))
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a band like 3-5") from None
    if band[0] > band[1]:
        raise click.BadParameter(f"'{value}' runs backwards: write {band[1]}-{band[0]}")
    return band


def _points(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[int, int]:
    question, _, task = value.partition(",")
    try:
        points = (int(question), int(task or question))
    except ValueError:
        raise click.BadParameter(f"'{value}' is not like 10,20 (per theory question, for the task)") from None
    if min(points) < 0:
        raise click.BadParameter("points cannot be negative")
    return points


def _topics(spec: str) -> tuple[int, ...]:
    from grader.topic_range import parse_topic_range

    try:
        return parse_topic_range(spec)
    except ValueError as e:
        raise InputError(str(e)) from None


def _pool(spec: str):  # noqa: ANN202 - grader.exam_pool.Pool, imported lazily
    from grader import bank, exam_pool

    try:
        return exam_pool.load_pool(_topics(spec))
    except bank.BankError as e:
        raise InputError(str(e)) from None


def _write(files: dict[Path, bytes]) -> None:
    from grader import outputs

    try:
        outputs.write_files(files)
    except outputs.OutputError as e:
        raise InputError(str(e)) from None


def _render(action):  # noqa: ANN001, ANN202 - a thunk building documents
    """Run a document build, turning a formula or PDF problem into a one-line error."""
    from grader import markup, pdf

    try:
        return action()
    except (markup.MathError, pdf.PdfError) as e:
        raise InputError(str(e)) from None


@click.command("tickets")
@click.argument("count", type=click.IntRange(1, 5000))
@click.option("-k", "--questions", type=click.IntRange(1, 10), default=2, show_default=True,
              help="Theory questions per ticket, each from a different topic.")
@click.option("--topics", "topic_spec", default="1-41", show_default=True, help="Topic range, e.g. 20-41 or 1-5,8.")
@click.option("--difficulty", callback=_band, metavar="LOW-HIGH",
              help="Allowed total difficulty of a ticket's questions (each is 1-3), e.g. 3-5.")
@click.option("--no-task", is_flag=True, help="Theory questions only, no practical task.")
@click.option("--points", default="10,20", show_default=True, callback=_points,
              help="Points per theory question, and for the practical task.")
@click.option("--per-page", type=click.Choice(["1", "2"]), default="1", show_default=True,
              help="Tickets per A4 page (PDF and HTML).")
@click.option("--format", "formats", type=FORMAT_CHOICE, multiple=True, default=["pdf"], show_default=True,
              help="Output format; repeat for several.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("exam"), show_default=True,
              help="Folder for tickets.* and answer-key.*.")
@click.option("--seed", type=int, default=0, show_default=True, help="Another seed draws another set.")
@click.option("--university", default="Университет", show_default=True)
@click.option("--course", default="Глубокое обучение", show_default=True)
@click.option("--examiner", default="", help="Examiner's name, printed after the signature line.")
@click.option("--date", default="", help="Exam date as printed, e.g. '20 января 2027 г.' (a blank line if omitted).")
@click.option("--report", "report_path", type=click.Path(path_type=Path), help="Also write the balance report here.")
def tickets_command(count: int, questions: int, topic_spec: str, difficulty: tuple[int, int] | None, no_task: bool,
                    points: tuple[int, int], per_page: str, formats: tuple[str, ...], output: Path, seed: int,
                    university: str, course: str, examiner: str, date: str, report_path: Path | None) -> None:
    """Draw COUNT balanced exam tickets and write them with the examiner's answer key."""
    from grader import outputs, pdf

    try:
        outputs.check_writable(output)
    except outputs.OutputError as e:
        raise InputError(str(e)) from None
    with pdf.Printer(workers=None if "pdf" in formats else 1) as printer:  # workers warm up meanwhile
        from grader import balance, papers, tickets

        pool = _pool(topic_spec)
        request = tickets.Request(count, questions, difficulty, seed)
        try:
            drawn = pool.draw(request, with_tasks=not no_task)
        except tickets.DrawError as e:
            raise InputError(str(e)) from None
        header = papers.Header(university, course, examiner, date, points[0], points[1], int(per_page))
        files: dict[Path, bytes] = {}
        for fmt in dict.fromkeys(formats):
            documents = _render(lambda fmt=fmt: papers.ticket_papers(pool, drawn, request, header, fmt, printer))
            files.update({output / name: data for name, data in documents.items()})
    text = balance.report(drawn, pool.question_items(), [] if no_task else pool.task_items(), request, pool.version)
    if report_path:
        files[report_path] = text.encode("utf-8")
    _write(files)
    click.echo(text)
    click.echo("Wrote " + ", ".join(str(path) for path in files))


@click.command("sheet")
@click.argument("topic_spec", metavar="RANGE", default="1-41")
@click.option("--answers", is_flag=True, help="Include the answer keys.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The file to write: .pdf, .html or .md.")
def sheet_command(topic_spec: str, answers: bool, output: Path) -> None:
    """Write every theory question of a topic RANGE (such as 20-25) for self-study."""
    from grader import papers

    fmt = output.suffix.lstrip(".").lower()
    if fmt not in papers.FORMATS:
        raise InputError(f"{output}: name the file .pdf, .html or .md to choose the format")
    pool = _pool(topic_spec)
    _write({output: _render(lambda: papers.question_sheet(pool, answers, fmt))})
    count = sum(len(page.questions) for page in pool.pages.values())
    click.echo(f"Wrote {count} questions from {len(pool.pages)} topics to {output}")


@click.command("moodle")
@click.argument("topic_spec", metavar="RANGE", default="1-41")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True, help="The .xml file to write.")
@click.option("--course", default="Глубокое обучение", show_default=True, help="Top category name in Moodle.")
def moodle_command(topic_spec: str, output: Path, course: str) -> None:
    """Export the checkable questions (multiple choice, numeric) of RANGE as Moodle XML."""
    from grader import moodle

    pool = _pool(topic_spec)
    pages = list(pool.pages.values())
    _write({output: moodle.to_xml(pages, course)})
    count = sum(q.checkable for page in pages for q in page.questions)
    click.echo(f"Wrote {count} questions to {output}; import it in Moodle: Question bank > Import > Moodle XML")


COMMANDS = (tickets_command, sheet_command, moodle_command)
