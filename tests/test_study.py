"""grade quiz (spaced repetition) and grade exam (a mock exam on a drawn ticket)."""

import datetime
import json

from click.testing import CliRunner

from grader import bank, quiz
from grader.cli import cli

TODAY = datetime.date(2026, 11, 23)


def page(topic):
    return next(p for p in bank.load_bank() if p.topic == topic)


def progress(workspace):
    return json.loads((workspace / ".progress.json").read_text(encoding="utf-8"))


def test_a_wrong_answer_comes_back_sooner_than_a_right_one():
    state = {}
    right, wrong = quiz.record(state, "t07-q01", True, TODAY), quiz.record(state, "t07-q02", False, TODAY)
    assert right["due"] == "2026-11-24" and wrong["box"] == 1
    again = quiz.record(state, "t07-q01", True, TODAY + datetime.timedelta(days=1))
    assert again["box"] == 2 and again["due"] == "2026-11-26"
    back = quiz.record(state, "t07-q01", False, TODAY + datetime.timedelta(days=3))
    assert back["box"] == 1 and back["wrong"] == 1 and back["seen"] == 3


def test_due_questions_come_first_then_new_ones_and_weak_asks_only_the_wrong_ones():
    pages = [page(7)]
    ids = [q.id for q in pages[0].questions]
    state = {}
    quiz.record(state, ids[3], False, TODAY - datetime.timedelta(days=5))  # due since 4 days
    quiz.record(state, ids[0], True, TODAY)  # due tomorrow
    chosen = [c.question.id for c in quiz.select(pages, state, TODAY, count=4)]
    assert chosen == [ids[3], ids[1], ids[2], ids[4]]
    assert [c.question.id for c in quiz.select(pages, state, TODAY, count=10, weak=True)] == [ids[3]]


def test_checkable_answers_are_scored():
    questions = {q.id: q for q in page(7).questions}
    numeric = next(q for q in questions.values() if q.value is not None)
    assert quiz.check(numeric, f"{numeric.value + numeric.tolerance / 2}")
    assert quiz.check(numeric, f"{numeric.value}".replace(".", ","))  # a decimal comma is fine
    assert not quiz.check(numeric, f"{numeric.value + 2 * numeric.tolerance + 1}")
    assert not quiz.check(numeric, "не знаю")
    choice = next(q for q in questions.values() if q.choices)
    right = ",".join(str(i + 1) for i in choice.correct)
    assert quiz.check(choice, right) and not quiz.check(choice, str(len(choice.choices) + 1))


def test_formulas_read_as_plain_text_in_a_terminal():
    assert quiz.plain(r"$p_i = e^{z_i} / \sum_j e^{z_j}$") == "p_i\u202f=\u202fe^(z_i)/∑_j e^(z_j)"
    assert quiz.plain(r"дробь $\frac{a}{b}$") == r"дробь $\frac{a}{b}$"


def test_the_quiz_command_scores_answers_and_remembers_them(private_workspace):
    numeric = next(q for q in page(7).questions if q.value is not None)
    state = {q.id: {"box": 3, "seen": 1, "wrong": 0, "due": "2999-01-01"}
             for q in page(7).questions if q.id != numeric.id}
    private_workspace.mkdir()
    (private_workspace / ".progress.json").write_text(json.dumps({"version": 1, "quiz": state}))
    result = CliRunner().invoke(cli, ["quiz", "--topic", "7", "-n", "5"], input="12345\n")
    assert result.exit_code == 0, result.output
    assert "[1/1] Тема 7." in result.output and "Wrong. Right:" in result.output and "0 of 1 right" in result.output
    assert progress(private_workspace)["quiz"][numeric.id]["wrong"] == 1


def test_a_mock_exam_grades_the_practical_part_and_keeps_the_result(private_workspace):
    answers = "\n7\n4\n"  # done; then the two self-marks
    result = CliRunner().invoke(cli, ["exam", "--minutes", "0", "--seed", "3"], input=answers)
    assert result.exit_code == 0, result.output
    assert "Ticket (seed 3" in result.output and "Score:" in result.output
    assert "Answer key to question 2" in result.output
    exam = progress(private_workspace)["exams"][0]
    assert exam["seed"] == 3 and exam["theory_marks"] == [7, 4] and exam["practical_score"] == 0
    assert exam["total"] == 11 and exam["max_total"] == 40
    again = CliRunner().invoke(cli, ["exam", "--minutes", "0", "--seed", "3"], input=answers)
    assert again.output.split("Score:")[0] == result.output.split("Score:")[0]  # the same ticket again
