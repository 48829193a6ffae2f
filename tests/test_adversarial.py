"""Red team: each submission in tests/adversarial/ tries to cheat or to break the grader.

Every one must end in the failed check or the error its docstring states (``Expected: 7.1
failed — words of the first message``), never in a pass, a grader error or a hang, and leave
the student's other files, the progress file and the repository as they were. Most are graded
here with short limits; those that target the grader's own process (its command line, its
environment, its stdout, its life) run through ``grade exercise`` in a child process.
"""

import ast
import json
import os
import re
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, SUBMISSIONS
from grader import catalog, report
from grader.engine import Submission, grade
from grader.sandbox import Limits

ATTACKS = Path(__file__).parent / "adversarial"
# short limits keep the hang and the CPU burner cheap; a correct solution needs far less
LIMITS = Limits(cpu_per_check=1.5, cpu_import=3.0, wall_slack=3.0, run_budget=20.0)
EXPECTED = re.compile(r"^Expected: (\S+) ([a-z ]+) — (.+)$", re.MULTILINE)
LAYERED = re.compile(r"^Layered over: (\S+)$", re.MULTILINE)
THROUGH_THE_CLI = {"kills_parent", "reads_secrets"}  # they aim at the grader's process: never run them in ours
GRADE = [sys.executable, "-m", "grader"]
STUDENT_FILES = {"notes.txt": "my notes\n", ".progress.json": '{"exercises": {}}\n'}


@dataclass(frozen=True)
class Attack:
    name: str
    source: str
    base: Path  # the correct solution the attack is layered over
    expected: tuple[tuple[str, str, str], ...]  # (part, outcome of its every check, words of the first message)


def _attacks() -> list[Attack]:
    attacks = []
    for path in sorted(ATTACKS.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        docstring = ast.get_docstring(ast.parse(source)) or ""
        base = LAYERED.search(docstring)
        attacks.append(Attack(path.stem, source, ROOT / base.group(1) if base else SUBMISSIONS / "correct.py",
                              tuple(EXPECTED.findall(docstring))))
    return attacks


ALL = _attacks()
IN_PROCESS = [pytest.param(a, e, id=f"{a.name}-{e[0]}") for a in ALL if a.name not in THROUGH_THE_CLI
              for e in a.expected]


def test_every_attack_states_what_the_student_gets():
    assert len(ALL) >= 25
    for attack in ALL:
        assert attack.expected, f"{attack.name}.py: no 'Expected: PART OUTCOME — words' line in its docstring"
        assert all(outcome in ("failed", "error") for _, outcome, _ in attack.expected), attack.name


@pytest.fixture
def student(tmp_path):
    """A student's folder with files of their own besides the submission."""
    folder = tmp_path / "student"
    folder.mkdir()
    for name, text in STUDENT_FILES.items():
        (folder / name).write_text(text)
    return folder


@pytest.fixture(scope="module")
def server():
    """A TCP and a UDP socket on one port of this machine that no worker should reach."""
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("127.0.0.1", 0))
    tcp = socket.socket()
    tcp.bind(udp.getsockname())  # the TCP port of that number is free on a test machine
    tcp.listen()
    with tcp, udp:
        tcp.setblocking(False)
        udp.setblocking(False)
        yield tcp, udp


def _stage(attack: Attack, folder: Path, port: int) -> Path:
    """The attack as the student's file, with this test's port and marker path filled in."""
    source = attack.source.replace("PORT = 0", f"PORT = {port}")
    source = source.replace('MARKER = ""', f"MARKER = {str(folder / 'unpickled.txt')!r}")
    path = folder / f"{attack.name}.py"
    path.write_text(source)
    return path


@pytest.mark.parametrize(("attack", "expected"), IN_PROCESS)
def test_an_attack_ends_in_its_stated_outcome_and_changes_nothing(attack, expected, student, server):
    spec, outcome, words = expected
    exercise, part = catalog.find(spec)
    path = _stage(attack, student, server[0].getsockname()[1])
    result = grade(exercise, Submission((attack.base, path)), parts=[part], limits=LIMITS)

    assert [r.outcome.value for r in result.results] == [outcome] * len(part.checks), result.results[0].message
    assert words in "\n".join(result.results[0].message)
    texts = [text for r in result.results for text in (*r.message, r.traceback, r.output)]
    assert not any("\x1b" in text or "ESCAPED" in text for text in texts)  # no terminal tricks, no escape
    _wait_for_survivors(texts)
    assert sorted(p.name for p in student.iterdir()) == sorted([*STUDENT_FILES, path.name])
    assert all((student / name).read_text() == text for name, text in STUDENT_FILES.items())
    assert not (ROOT / "adversarial-was-here.txt").exists()
    for listener in server:
        with pytest.raises(BlockingIOError):  # nothing connected, nothing was sent
            listener.accept() if listener.type == socket.SOCK_STREAM else listener.recv(1)


def _wait_for_survivors(texts: list[str]) -> None:
    """Forked children that left the worker's session live on briefly (confined); wait them out."""
    pids = {int(pid) for text in texts for pid in re.findall(r"^SURVIVOR (\d+)$", text, re.MULTILINE)}
    deadline = time.monotonic() + 30
    while pids and time.monotonic() < deadline:
        pids = {pid for pid in pids if os.path.exists(f"/proc/{pid}") and not _zombie(pid)}
        time.sleep(0.1)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return True


def test_fake_verdicts_in_the_output_stay_inside_the_students_output():
    attack = next(a for a in ALL if a.name == "imitates_report")
    exercise, part = catalog.find("7.1")
    result = grade(exercise, Submission((attack.base, ATTACKS / "imitates_report.py")), parts=[part], limits=LIMITS)
    text = report.render_text(result, color=False)
    verdicts = [line for line in text.splitlines() if re.match(r"^\s{0,8}\S*\s*(PASS|FAIL|ERROR)\b", line)]
    assert len(verdicts) == len(part.checks) and all("FAIL" in line for line in verdicts)
    assert text.rstrip().splitlines()[-1].startswith("Score: 0/5")
    assert "\\x1b[2J" in text and "\x1b" not in text  # the escape sequence is shown, not obeyed


def _run_cli(args: list[str], work: Path, **env: str) -> tuple[int, dict]:
    run = subprocess.run([*GRADE, *args, "--json"], capture_output=True, text=True, timeout=300, cwd=ROOT,
                         env={**os.environ, "DL_EXAM_WORK": str(work), "NO_COLOR": "1", **env},
                         start_new_session=True)  # a signal to the grader's group must not reach pytest
    return run.returncode, json.loads(run.stdout)  # exactly one JSON document, whatever the worker printed


def _combined(attack: Attack, folder: Path, name: str) -> Path:
    """The base and the attack as one file, as a student would hand it in."""
    path = folder / name
    path.write_text(attack.base.read_text() + "\n\n" + attack.source)
    return path


@pytest.mark.parametrize("name", sorted(THROUGH_THE_CLI | {"imitates_report"}))
def test_an_attack_on_the_graders_process_through_the_command_line(name, student):
    attack = next(a for a in ALL if a.name == name)
    (spec, outcome, words), = attack.expected
    path = _combined(attack, student, f"{name}.py")
    key = "teacher-key-8d1f3c"
    status, result = _run_cli(["exercise", spec, "--path", str(path), "--seed", "48213"], student / "work",
                              DL_EXAM_KEY=key)

    assert status == 1  # the grader lived to report: some check failed
    assert result["score"] == 0 and [t["tags"] for t in result["tests"]] == [[outcome]] * len(result["tests"])
    assert words in result["tests"][0]["output"]
    assert key not in json.dumps(result) and "FOUND:" not in json.dumps(result)  # the seed is only in extra_data
    assert all((student / n).read_text() == text for n, text in STUDENT_FILES.items())


def test_the_progress_file_keeps_the_graders_score(student):
    """The attack runs as the student's own work/ copy, next to the progress file it tries to overwrite."""
    attack = next(a for a in ALL if a.name == "atexit_and_cwd")
    work = student / "work"
    work.mkdir()
    _combined(attack, work, "ex07_softmax_ce.py")
    (work / "notes.txt").write_text("my notes\n")
    status, result = _run_cli(["exercise", "7"], work)

    assert status == 1 and 0 < result["score"] < result["max_score"]  # softmax's checks failed, the rest passed
    progress = json.loads((work / ".progress.json").read_text())
    assert progress["exercises"]["ex07_softmax_ce"]["score"] == result["score"]
    assert (work / "notes.txt").read_text() == "my notes\n"
    assert sorted(p.name for p in work.iterdir()) == [".progress.json", "ex07_softmax_ce.py", "notes.txt"]
