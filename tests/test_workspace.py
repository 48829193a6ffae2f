"""Is the progress file written atomically, and a broken one kept aside instead of lost?"""

import json
import signal
import subprocess
import sys
import time

import pytest

from grader import catalog, workspace
from grader.results import Report


def report():
    return Report("ex07_softmax_ce", 7, "t", workspace.paths.workspace() / "x.py", 0, elapsed=0.1)


def test_recording_keeps_score_and_counts_attempts(private_workspace):
    for _ in range(2):
        workspace.record(report())
    progress = workspace.load_progress()
    assert progress["ex07_softmax_ce"]["attempts"] == 2
    assert progress["ex07_softmax_ce"]["score"] == 0


def test_a_corrupt_progress_file_is_moved_aside_not_overwritten(private_workspace):
    private_workspace.mkdir()
    (private_workspace / ".progress.json").write_text("{ not json")
    assert workspace.load_progress() == {}
    kept = list(private_workspace.glob(".progress.json.broken-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{ not json"


def test_a_writer_killed_mid_write_leaves_a_whole_file(private_workspace):
    """Kill a process that rewrites the file in a loop: what remains is always valid JSON."""
    target = private_workspace / ".progress.json"
    code = ("import json, sys; from pathlib import Path; from grader import workspace\n"
            "for i in range(100_000):\n"
            "    workspace.write_atomically(Path(sys.argv[1]), json.dumps({'i': i, 'pad': 'x' * 2_000_000}))\n")
    for delay in (0.6, 0.9, 1.3):
        child = subprocess.Popen([sys.executable, "-c", code, str(target)])
        time.sleep(delay)
        child.kill()
        child.wait()
        assert json.loads(target.read_text())["pad"] == "x" * 2_000_000


def test_a_recorder_killed_mid_write_leaves_the_old_or_the_new_progress(private_workspace):
    """SIGKILL a process that records scores into a large progress file, at whatever point it is."""
    padding = {f"ex{i:04d}_padding": {"score": 1.0, "max_score": 2.0, "parts": {f"{i}.{p}": 0.5 for p in range(20)},
                                       "attempts": 1, "graded_at": "2026-01-01T00:00:00+0000"}
               for i in range(3000)}
    (private_workspace / ".progress.json").parent.mkdir()
    (private_workspace / ".progress.json").write_text(json.dumps({"version": 1, "exercises": padding,
                                                                   "hints": {"7.1.2:wrong_no_max_shift": 2}}))
    code = ("from pathlib import Path; from grader import workspace; from grader.results import Report\n"
            "while True:\n"
            "    workspace.record(Report('ex07_softmax_ce', 7, 't', Path('x.py'), 0))\n"
            "    print(workspace.load_progress()['ex07_softmax_ce']['attempts'], flush=True)\n")
    for writes in (1, 2, 3):
        before = workspace.load_progress().get("ex07_softmax_ce", {}).get("attempts", 0)
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        for _ in range(writes):  # wait until it has written this many times, then kill it wherever it is
            done = int(child.stdout.readline())
        child.kill()
        child.wait()
        child.stdout.close()
        progress = workspace.load_progress()
        assert progress["ex07_softmax_ce"]["attempts"] in (done, done + 1) and done == before + writes
        assert {k: v for k, v in progress.items() if k != "ex07_softmax_ce"} == padding
        assert workspace.hints_shown() == {"7.1.2:wrong_no_max_shift": 2}
    # whatever temporary files the kills left behind, the next write and read work
    workspace.record(report())
    assert workspace.load_progress()["ex07_softmax_ce"]["attempts"] >= 4
    assert not list(private_workspace.glob(".progress.json.broken-*"))


def test_a_reset_keeps_every_version_the_student_had(private_workspace, monkeypatch):
    """Backups of the same second get a counter; an existing backup is never overwritten."""
    exercise, _ = catalog.find("7")
    mine = workspace.student_path(exercise)
    backups = private_workspace / "backups"
    backups.mkdir(parents=True)
    (backups / "ex07_softmax_ce.2026-11-23T16-20-05.py").write_text("older backup")
    monkeypatch.setattr(workspace.time, "strftime", lambda pattern, *when: "2026-11-23T16-20-05")
    kept = []
    for version in ("first try", "second try"):
        mine.write_text(version)
        kept.append(workspace.reset(exercise))
        assert mine.read_text() == exercise.stub_path.read_text()
    assert [p.name for p in kept] == ["ex07_softmax_ce.2026-11-23T16-20-05-2.py",
                                      "ex07_softmax_ce.2026-11-23T16-20-05-3.py"]
    assert [p.read_text() for p in kept] == ["first try", "second try"]
    assert (backups / "ex07_softmax_ce.2026-11-23T16-20-05.py").read_text() == "older backup"


def test_a_reset_of_an_unmodified_or_missing_file_keeps_no_backup(private_workspace):
    exercise, _ = catalog.find("7")
    assert workspace.reset(exercise) is None  # missing: created from the stub
    assert workspace.reset(exercise) is None  # already the stub: nothing worth keeping
    assert workspace.student_path(exercise).read_text() == exercise.stub_path.read_text()
    assert not (private_workspace / "backups").exists()


def test_hint_counts_and_scores_live_side_by_side(private_workspace):
    workspace.record_hints({"7.1.2:wrong_no_max_shift": 1})
    workspace.record(report())
    workspace.record_hints({"7.3.1:wrong_grad_sign": 2})
    assert workspace.hints_shown() == {"7.1.2:wrong_no_max_shift": 1, "7.3.1:wrong_grad_sign": 2}
    assert workspace.load_progress()["ex07_softmax_ce"]["attempts"] == 1


@pytest.mark.parametrize("dies_in", ["fsync", "replace"])
def test_a_recorder_killed_inside_the_write_keeps_the_old_file(private_workspace, dies_in):
    """The writer dies with the new version written to its temporary file but not renamed yet."""
    workspace.record(report())
    code = ("import os, signal; from pathlib import Path; from grader import workspace\n"
            "from grader.results import Report\n"
            f"os.{dies_in} = lambda *args: os.kill(os.getpid(), signal.SIGKILL)\n"
            "workspace.record(Report('ex07_softmax_ce', 7, 't', Path('x.py'), 0))\n")
    assert subprocess.run([sys.executable, "-c", code]).returncode == -signal.SIGKILL
    assert workspace.load_progress()["ex07_softmax_ce"]["attempts"] == 1
    litter = list(private_workspace.glob("*.tmp"))
    assert len(litter) == 1 and json.loads(litter[0].read_text())["exercises"]["ex07_softmax_ce"]["attempts"] == 2
    workspace.record(report())
    assert workspace.load_progress()["ex07_softmax_ce"]["attempts"] == 2
