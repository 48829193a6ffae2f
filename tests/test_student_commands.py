"""Do `grade status`, `grade reset` and `grade hint` help a student without losing their work?"""

import json
import os
import pty
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import ROOT
from grader import catalog, workspace
from grader.cli import cli
from grader.results import CheckResult, Outcome, Report

REFERENCE_7 = ROOT / "solutions" / "ex07_softmax_ce.py"
STUB_7 = ROOT / "exercises" / "ex07_softmax_ce.py"
CATALOGUE_7 = ROOT / "solutions" / "ex07_softmax_ce"
ENTRY = "import sys; from grader.cli import main; sys.argv = ['grade', *sys.argv[1:]]; main()"


def run(*args):
    return CliRunner().invoke(cli, list(args))


def run_process(*args, stdin=subprocess.DEVNULL):
    """The entry point in a fresh process; stdin is not a terminal unless one is given."""
    return subprocess.run([sys.executable, "-c", ENTRY, *args], stdin=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def run_in_terminal(*args, answer):
    """The entry point with a terminal as stdin (so it may ask), typing ``answer`` into it."""
    controller, terminal = pty.openpty()
    try:
        os.write(controller, answer.encode() + b"\n")  # the terminal holds the line until it is read
        return run_process(*args, stdin=terminal)
    finally:
        os.close(controller)
        os.close(terminal)


def students_file(private_workspace, *overrides, text=""):
    """work/ex07_softmax_ce.py: the reference with catalogue variants (or other code) layered on top."""
    private_workspace.mkdir(exist_ok=True)
    mine = private_workspace / "ex07_softmax_ce.py"
    mine.write_text("\n\n".join([REFERENCE_7.read_text(), *(p.read_text() for p in overrides), text]))
    return mine


def graded(spec, fraction):
    """Record a grading of exercise ``spec`` that scored ``fraction`` of its maximum."""
    exercise, _ = catalog.find(spec)
    result = CheckResult(f"{exercise.topic}.1.1", f"{exercise.topic}.1", "f", "t", Outcome.FAILED,
                         fraction * exercise.max_score, exercise.max_score)
    workspace.record(Report(exercise.id, exercise.topic, "t", workspace.student_path(exercise), 0, [result]))


# grade status


def test_status_puts_weak_exercises_first_then_untouched_then_finished():
    graded("2", 1.0)
    graded("9", 0.5)
    graded("7", 0.5)
    graded("1", 0.0)
    graded("30", 0.9)
    result = run("status", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    order = [row["number"] for row in data["exercises"]]
    untouched = [n for n in range(1, 42) if n not in (1, 2, 7, 9, 30)]
    assert order == [1, 7, 9, 30, *untouched, 2]
    assert [row["state"] for row in data["exercises"][:4]] == ["started"] * 4
    assert data["exercises"][0]["attempts"] == 1 and data["exercises"][0]["graded_at"]
    assert data["exercises"][-1]["state"] == "full marks"
    assert data["summary"] == {"started": 4, "not started": 36, "full marks": 1}


def test_status_text_fits_80_columns_and_ends_with_a_summary():
    graded("7", 1.0)
    graded("7", 0.6)  # the last grading counts
    graded("4", 0.0)  # the longest title
    lines = run("status").output.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[-1] == "0 of 41 exercises at full marks; 2 started; 39 not started"
    seven = next(line for line in lines if line.startswith(" 7 "))
    assert "9/15" in seven and " 2 " in seven and "Softmax и перекрёстная энтропия" in seven
    assert next(line for line in lines if line.startswith(" 4 ")).split()[1] == "Линейное"
    assert lines.index(seven) < lines.index(next(line for line in lines if line.startswith(" 1 ")))


def test_status_of_a_fresh_workspace():
    lines = run("status").output.splitlines()
    assert lines[-1] == "0 of 41 exercises at full marks; 0 started; 41 not started"


# grade reset


def test_reset_without_yes_refuses_when_it_cannot_ask(private_workspace):
    mine = students_file(private_workspace, text="# my work")
    before = mine.read_text()
    result = run_process("reset", "7")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "--yes" in result.stderr
    assert mine.read_text() == before
    assert not (private_workspace / "backups").exists()


def test_reset_yes_moves_the_file_to_a_backup_and_restores_the_stub(private_workspace):
    mine = students_file(private_workspace, text="# my work")
    before = mine.read_text()
    result = run("reset", "7", "--yes")
    assert result.exit_code == 0
    backups = list((private_workspace / "backups").iterdir())
    assert len(backups) == 1 and backups[0].read_text() == before
    assert backups[0].name.startswith("ex07_softmax_ce.20") and backups[0].suffix == ".py"
    assert str(backups[0]) in result.output
    assert mine.read_text() == STUB_7.read_text()


@pytest.mark.parametrize("answer, kept", [("y", True), ("n", False)])
def test_reset_asks_in_a_terminal(private_workspace, answer, kept):
    mine = students_file(private_workspace, text="# my work")
    before = mine.read_text()
    result = run_in_terminal("reset", "7", answer=answer)
    assert result.returncode == 0 and "Replace" in result.stdout
    assert mine.read_text() == (STUB_7.read_text() if kept else before)
    assert [p.read_text() for p in (private_workspace / "backups").glob("*.py")] == ([before] if kept else [])


def test_reset_of_a_missing_file_creates_it_without_asking(private_workspace):
    result = run_process("reset", "7")
    assert result.returncode == 0 and "Created" in result.stdout
    assert (private_workspace / "ex07_softmax_ce.py").read_text() == STUB_7.read_text()


@pytest.mark.parametrize("args, words", [
    (("reset", "99", "--yes"), "topic 99 has no exercise"),
    (("reset", "7.2", "--yes"), "reset restores a whole exercise"),
    (("hint", "seven"), "is not an exercise"),
])
def test_input_errors_exit_2_with_one_line(args, words):
    result = run_process(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and words in result.stderr and result.stdout == ""


# grade hint


def test_repeated_hints_go_deeper_and_stop_at_the_last(private_workspace):
    students_file(private_workspace, CATALOGUE_7 / "wrong_no_max_shift.py")
    outputs = []
    for spec in ("7", "7.1", "7.1", "7.1"):  # the whole exercise and its part share the count
        result = run("hint", spec)
        assert result.exit_code == 1
        outputs.append(result.output)
    assert all(o.startswith("7.1.2 softmax:") and "softmax без вычитания максимума" in o for o in outputs)
    assert ["подсказка 1 из 3" in outputs[0], "подсказка 2 из 3" in outputs[1], "подсказка 3 из 3" in outputs[2],
            "подсказка 3 из 3" in outputs[3]] == [True] * 4
    assert "Посмотрите, что возвращает np.exp(1000.0)" in outputs[0]
    assert "The next hint: grade hint 7.1" in outputs[1] and "последняя подсказка" not in outputs[1]
    assert "последняя подсказка" in outputs[2] and "последняя подсказка" in outputs[3]
    assert workspace.hints_shown() == {"7.1.2:wrong_no_max_shift": 3}
    statements = [line.strip() for line in REFERENCE_7.read_text().splitlines()
                  if re.match(r"    (return |\w+ = )", line)]
    assert len(statements) >= 6
    assert not any(line in output for line in statements for output in outputs)


def test_each_mistake_has_its_own_count(private_workspace):
    workspace.record_hints({"7.1.2:wrong_no_max_shift": 3})
    students_file(private_workspace, CATALOGUE_7 / "wrong_grad_sign.py")
    result = run("hint", "7.3")
    assert "7.3.1 cross_entropy_backward:" in result.output and "подсказка 1 из" in result.output
    assert workspace.hints_shown() == {"7.1.2:wrong_no_max_shift": 3, "7.3.1:wrong_grad_sign": 1}


def test_a_hint_is_about_a_part_the_student_wrote_before_one_not_started(private_workspace):
    students_file(private_workspace, CATALOGUE_7 / "wrong_sum_over_batch.py",
                  text="def softmax(logits):\n    raise NotImplementedError\n")
    result = run("hint", "7")
    assert result.exit_code == 1
    assert result.output.startswith("7.2.") and "потеря суммируется по батчу" in result.output


def test_an_unknown_mistake_gets_what_failed_and_where_to_read(private_workspace):
    students_file(private_workspace, text="def softmax(logits):\n    return np.zeros_like(logits)\n")
    result = run("hint", "7.1")
    assert result.exit_code == 1
    assert result.output.startswith("7.1.1 softmax: совпадает с torch.softmax")
    assert "получено 0, ожидалось 1" in result.output and "вызов: softmax(logits)" in result.output
    assert "«Упражнение»" in result.output and "questions/07-softmax-cross-entropy.md" in result.output
    assert "подсказка" not in result.output and workspace.hints_shown() == {}


def test_a_part_not_written_yet_points_to_its_statement(private_workspace):
    result = run("hint", "7")
    assert result.exit_code == 1
    assert (private_workspace / "ex07_softmax_ce.py").read_text() == STUB_7.read_text()
    assert "7.1.1 softmax:" in result.output and "Часть 7.1 ещё не написана" in result.output
    assert "questions/07-softmax-cross-entropy.md" in result.output


def test_no_hint_when_everything_passes(private_workspace):
    students_file(private_workspace)
    result = run("hint", "7.2")
    assert result.exit_code == 0 and "passes: no hint needed" in result.output
    assert workspace.hints_shown() == {}


@pytest.mark.parametrize("args", [("status",), ("hint", "--help"), ("reset", "--help")])
def test_commands_that_do_not_grade_never_import_torch(args):
    code = ("import sys; from grader.cli import main; sys.argv = ['grade', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('TORCH' if 'torch' in sys.modules else 'NO TORCH', file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT,
                            stdin=subprocess.DEVNULL)
    assert result.stderr.strip().endswith("NO TORCH")
