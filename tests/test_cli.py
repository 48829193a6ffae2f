"""Does `grade` answer with the right exit status and output for each kind of input?"""

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import ROOT, SUBMISSIONS
from grader.cli import cli

REFERENCE_7 = str(ROOT / "solutions" / "ex07_softmax_ce.py")


def run(*args):
    return CliRunner().invoke(cli, list(args))


def run_process(*args):
    """The installed entry point in a fresh process: what a student's shell sees."""
    code = "import sys; from grader.cli import main; sys.argv = ['grade', *sys.argv[1:]]; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)


def test_full_marks_exit_0():
    result = run("exercise", "7", "--path", REFERENCE_7)
    assert result.exit_code == 0
    assert "Score: 15/15" in result.output


def test_a_failed_check_exits_1_and_names_the_mistake():
    result = run("exercise", "7", "--path", str(ROOT / "grader" / "demo" / "ex07_softmax_ce.py"))
    assert result.exit_code == 1
    assert "FAIL  0/2  7.1.2" in result.output
    assert "похоже на известную ошибку: softmax без вычитания максимума" in result.output


@pytest.mark.parametrize("args, words", [
    (("exercise", "99"), "topic 99 has no exercise"),
    (("exercise", "7.9", "--path", REFERENCE_7), "exercise 7 has no part 7.9"),
    (("exercise", "seven"), "is not an exercise"),
    (("exercise", "7", "--path", "/no/such/file.py"), "/no/such/file.py: no such file"),
    (("exercise", "7", "--path", str(SUBMISSIONS / "syntax_error.py")), "syntax_error.py:4: SyntaxError"),
])
def test_input_errors_exit_2_with_one_line(args, words):
    result = run_process(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and words in result.stderr
    assert result.stdout == ""


def test_json_output_is_a_gradescope_result_whatever_the_code_prints(tmp_path):
    noisy = tmp_path / "noisy.py"
    noisy.write_text((SUBMISSIONS / "correct.py").read_text() + (SUBMISSIONS / "prints.py").read_text())
    result = run_process("exercise", "7", "--json", "--path", str(noisy))
    data = json.loads(result.stdout)
    assert result.returncode == 0
    assert data["score"] == data["max_score"] == 15
    assert {"name", "score", "max_score", "status", "output"} <= set(data["tests"][0])
    assert {t["status"] for t in data["tests"]} == {"passed"}


def test_json_output_on_an_input_error_is_still_a_result():
    result = run_process("exercise", "7", "--json", "--path", str(SUBMISSIONS / "syntax_error.py"))
    data = json.loads(result.stdout)
    assert result.returncode == 2
    assert data["score"] == 0 and data["tests"] == [] and "SyntaxError" in data["output"]


def test_json_on_a_usage_error_is_still_a_result():
    result = run_process("exercise", "--json", "--bogus")
    assert result.returncode == 2
    assert json.loads(result.stdout)["score"] == 0


def test_one_part_is_graded_alone():
    result = run("exercise", "25.2", "--path", str(ROOT / "solutions" / "ex25_lstm.py"))
    assert result.exit_code == 0
    assert "25.2.1" in result.output and "25.1.1" not in result.output and "25.3.1" not in result.output


def test_first_use_creates_the_workspace_copy_and_grades_the_stub(private_workspace):
    result = run("exercise", "20")
    assert result.exit_code == 1
    assert (private_workspace / "ex20_conv.py").read_text() == (ROOT / "exercises" / "ex20_conv.py").read_text()
    assert "Created" in result.output and "Traceback" not in result.output
    assert result.output.count("TODO") == 8
    assert "функция conv2d: ещё не написано" in result.output


def test_the_students_file_is_never_overwritten(private_workspace):
    private_workspace.mkdir()
    mine = private_workspace / "ex07_softmax_ce.py"
    mine.write_text((ROOT / REFERENCE_7).read_text())
    assert run("exercise", "7").exit_code == 0
    assert mine.read_text() == (ROOT / REFERENCE_7).read_text()


def test_list_shows_41_topics_with_the_last_score(private_workspace):
    private_workspace.mkdir()
    (private_workspace / "ex07_softmax_ce.py").write_text((ROOT / REFERENCE_7).read_text())
    run("exercise", "7")
    rows = json.loads(run("list", "--json").output)
    assert [r["number"] for r in rows] == list(range(1, 42))
    seven = rows[6]
    assert seven["exercise"] == "ex07_softmax_ce" and seven["score"] == 15
    assert [p["number"] for p in seven["parts"]] == ["7.1", "7.2", "7.3"]
    assert seven["questions"] >= 6 and rows[0]["exercise"] == "ex01_perceptron" and rows[0]["score"] is None
    assert "Softmax и перекрёстная энтропия" in run("list").output


@pytest.mark.parametrize("args", [("list",), ("--help",), ("exercise", "--help")])
def test_commands_that_do_not_grade_never_import_torch(args):
    code = ("import sys; from grader.cli import main; sys.argv = ['grade', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('TORCH' if 'torch' in sys.modules else 'NO TORCH', file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    assert result.stderr.strip().endswith("NO TORCH")


def test_demo_shows_the_hint_and_exits_0():
    result = run("demo")
    assert result.exit_code == 0
    assert "подсказка:" in result.output and "[1000., 1001., 1002.]" in result.output


def test_verify_prints_a_table_and_exits_0_when_every_grader_is_sound():
    result = run("verify", "25")
    assert result.exit_code == 0
    assert "wrong_gate_order_ifog" in result.output and "hint shown" in result.output
    assert "10 of 10 gradings behave as expected." in result.output  # reference, 1 alternative, 8 mistakes


def test_bank_command_summarises_the_pages():
    result = run("bank")
    assert result.exit_code == 0 and "25-lstm.md" in result.output
