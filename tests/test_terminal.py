"""Does `grade exercise` read well in a terminal: colour only on a tty, 80 columns, one summary line?"""

import io
import os
import pty
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from conftest import ROOT, grade_file
from grader import report
from grader.cli import cli

DEMO_7 = str(ROOT / "grader" / "demo" / "ex07_softmax_ce.py")  # softmax without the max shift
REFERENCE_7 = ROOT / "solutions" / "ex07_softmax_ce.py"
WRONG_7 = ROOT / "solutions" / "ex07_softmax_ce"
ANSI = "\x1b["


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture(scope="module")
def failing_report():
    """Exercise 7 with a catalogued mistake in every part, layered over the reference."""
    return grade_file("7", REFERENCE_7, WRONG_7 / "wrong_global_max.py", WRONG_7 / "wrong_log_of_softmax.py",
                      WRONG_7 / "wrong_grad_sign.py")


def run_on_a_terminal(*args, no_color=None):
    """`grade` in a fresh process whose stdout is a pseudo-terminal; what the terminal received."""
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color is not None:
        env["NO_COLOR"] = no_color
    code = "import sys; from grader.cli import main; sys.argv = ['grade', *sys.argv[1:]]; main()"
    main, terminal = pty.openpty()
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=terminal, stderr=subprocess.DEVNULL,
                             stdin=subprocess.DEVNULL, cwd=ROOT, env=env)
    os.close(terminal)
    received = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(main)
    assert child.wait() == 1
    return received.decode()


@pytest.mark.parametrize("no_color, coloured", [(None, True), ("", True), ("1", False), ("0", False)])
def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch, no_color, coloured):
    monkeypatch.delenv("NO_COLOR", raising=False)
    if no_color is not None:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert report.wants_color(_Terminal()) is coloured
    assert report.wants_color(io.StringIO()) is False


def test_a_terminal_gets_coloured_verdicts_and_symbols():
    shown = run_on_a_terminal("exercise", "7.1", "--path", DEMO_7)
    assert click.style("✓ PASS", fg="green") in shown and click.style("✗ FAIL", fg="red") in shown
    assert click.unstyle(shown).splitlines()[-1] == "Score: 3/5 — 1 check failed (7.1.2)"


def test_no_color_on_a_terminal_gives_the_plain_report():
    shown = run_on_a_terminal("exercise", "7.1", "--path", DEMO_7, no_color="1")
    assert ANSI not in shown and "✓" not in shown and "✗" not in shown
    assert "  FAIL  0/2  7.1.2 " in shown


def test_a_pipe_gets_no_colour():
    result = CliRunner().invoke(cli, ["exercise", "7.1", "--path", DEMO_7], color=True)  # color=True: nothing stripped
    assert result.exit_code == 1
    assert ANSI not in result.output and "✗" not in result.output
    assert "  FAIL  0/2  7.1.2 конечен и точен при логитах порядка 1e3–1e4\n" in result.output


def test_quiet_prints_only_the_summary_line(private_workspace):
    failing = CliRunner().invoke(cli, ["exercise", "7", "--path", DEMO_7, "--quiet"])
    assert failing.exit_code == 1
    assert failing.output == "Score: 13/15 — 1 check failed (7.1.2)\n"
    passing = CliRunner().invoke(cli, ["exercise", "7", "--path", str(REFERENCE_7), "-q"])
    assert passing.exit_code == 0
    assert passing.output == "Score: 15/15 — all 9 checks passed\n"
    stub = CliRunner().invoke(cli, ["exercise", "7", "--quiet"])  # first use: the stub is copied silently
    assert (private_workspace / "ex07_softmax_ce.py").exists()
    assert stub.exit_code == 1 and stub.output == "Score: 0/15 — 9 not attempted\n"


def test_quiet_and_json_exclude_each_other():
    result = CliRunner().invoke(cli, ["exercise", "7", "--path", DEMO_7, "--quiet", "--json"])
    assert result.exit_code == 2


@pytest.mark.parametrize("color", [False, True])
def test_prose_fits_80_columns_and_data_keeps_its_lines(failing_report, color):
    text = click.unstyle(report.render_text(failing_report, color=color))
    data = {line.strip() for r in failing_report.results
            for line in (*r.call, *r.traceback.splitlines(), *r.output.splitlines())}
    for line in text.splitlines():
        assert len(line) <= report.WIDTH or line.strip() in data, line
    assert "          [[ 15279.230393,   2816.664165," in text  # an array row over 80 columns, not wrapped
    words = " ".join(text.split())
    for result in failing_report.results:
        for said in (result.title, *result.message, *(h.hints[0] for h in result.hints)):
            assert " ".join(said.split()) in words  # wrapped, nothing lost


def test_the_summary_is_the_last_line_and_names_the_failed_checks(failing_report):
    lines = report.render_text(failing_report).splitlines()
    assert lines[-1] == "Score: 6/15 — 5 checks failed (7.1.2, 7.2.2, 7.3.1, 7.3.2, …)"
    assert lines[-1] == report.summary_line(failing_report)
    assert report.gradescope(failing_report)["output"] == f"Exercise 7. {lines[-1]}"
