"""Is the progress file written atomically, and a broken one kept aside instead of lost?"""

import json
import subprocess
import sys
import time

from grader import workspace
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
