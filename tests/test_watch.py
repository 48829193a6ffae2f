"""Watch mode: every save is graded again by a worker booted ahead of time, and only changes are shown."""

import shutil
import time

from click.testing import CliRunner

from conftest import ROOT
from grader import catalog, engine, watch
from grader.cli import cli
from grader.results import Outcome

REFERENCE = ROOT / "solutions" / "ex07_softmax_ce.py"
BROKEN_SOFTMAX = "\n\ndef softmax(z):\n    return z\n"


def test_each_save_is_graded_by_the_worker_booted_before_it(tmp_path):
    """The second run's worker boots right after the first run, yet grades the file as saved later."""
    exercise, _ = catalog.find("7")
    path = tmp_path / "ex07_softmax_ce.py"
    shutil.copyfile(REFERENCE, path)
    runs = watch.reports(exercise, path, parts=None, seed=0, device="cpu")
    first = next(runs)
    assert first.full_marks and watch.changed_keys(None, first) == [r.key for r in first.results]

    path.write_text(REFERENCE.read_text() + BROKEN_SOFTMAX)
    broken = next(runs)
    changed = watch.changed_keys(first, broken)
    assert changed and all(key.startswith(("7.1.", "7.3.")) for key in changed)
    assert all(r.outcome is not Outcome.PASSED for r in broken.results if r.key in changed)

    path.write_text("def softmax(z:\n")  # a syntax error mid-edit is reported, and watching goes on
    assert isinstance(next(runs), engine.SubmissionError)

    shutil.copyfile(REFERENCE, path)
    fixed = next(runs)
    assert fixed.full_marks and watch.changed_keys(fixed, fixed) == []
    runs.close()


def test_a_prepared_worker_reads_the_file_only_when_the_run_starts(tmp_path):
    """Booted well before the save, the worker must still grade what was saved, not what was there at boot."""
    exercise, part = catalog.find("7.1")
    path = tmp_path / "ex07_softmax_ce.py"
    shutil.copyfile(REFERENCE, path)
    submission = engine.Submission((path,))
    prepared = engine.prepare(exercise, submission, device="cpu")
    time.sleep(2.0)  # ordering, not timing: a worker that read the file at boot has read the old one by now
    path.write_text(REFERENCE.read_text() + BROKEN_SOFTMAX)
    report = engine.grade(exercise, submission, parts=[part], device="cpu", prepared=prepared)
    assert not report.full_marks


def test_watch_stops_when_asked_and_only_after_a_first_report(tmp_path):
    exercise, part = catalog.find("7.2")
    path = tmp_path / "ex07_softmax_ce.py"
    shutil.copyfile(REFERENCE, path)
    reports = list(watch.reports(exercise, path, parts=[part], seed=0, device="cpu", stop=lambda: True))
    assert len(reports) == 1 and {r.part for r in reports[0].results} == {"7.2"}


def test_watch_cannot_print_json():
    result = CliRunner().invoke(cli, ["exercise", "7", "--watch", "--json"])
    assert result.exit_code == 2 and "--watch and --json cannot be combined" in result.output
