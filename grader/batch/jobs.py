"""What a job process does: grade many submissions, each in a fresh sandboxed worker.

A job process imports the grader and torch once, then grades task after task with
``grader.engine.grade``, exactly as ``grade exercise`` does: every run starts its own
worker, so nothing one student's code changes reaches the next. The submission's bytes
are written to a folder of random name that only the worker can reach (as
``--worker-user`` when the job runs as root), and the feedback names the student's file
instead of that folder. A job never holds the teacher's key. Started by the local pool,
it stops by itself when the batch is gone, even after a SIGKILL, ending its worker first.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from grader.batch import cells, identity
from grader.results import Report
from grader.sandbox import Limits

_STATE: dict = {"staging": None, "done": 0, "busy": False, "stopping": False}


@dataclass(frozen=True)
class Task:
    """One submission of one exercise to grade."""

    student: str
    exercise_id: str
    source: bytes
    display: str  # the file as the feedback names it, e.g. "alice/ex07_softmax_ce.py"
    seed: int
    device: str
    limits: Limits
    worker_user: str  # applied only where the job runs as root


def start_local(batch_pid: int) -> None:
    """Initializer of the local pool's processes: signals, a watch on the batch, and the imports."""
    atexit.register(os._exit, 0)  # runs last: leaving without tearing torch down saves a second or two
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's: it stops the jobs
    signal.signal(signal.SIGTERM, _stop)
    threading.Thread(target=_watch, args=(batch_pid,), daemon=True).start()
    prepare()


def prepare() -> None:
    """Import the grader and torch, and make the staging folder; once per process."""
    if _STATE["staging"] is not None:
        return
    from grader import catalog, engine, oracles  # noqa: F401 - imported once, used by every task

    oracles.warm_up()
    staging = Path(tempfile.mkdtemp(prefix="grade-batch-"))
    staging.chmod(0o711)  # a worker's user passes through to its own folder and lists nothing
    atexit.register(shutil.rmtree, staging, True)
    _STATE["staging"] = staging


def grade_task(task: Task) -> cells.Graded:
    """Grade one task; whatever goes wrong costs this cell only."""
    prepare()
    from grader import catalog, engine

    exercise, _ = catalog.find(task.exercise_id)
    folder = Path(tempfile.mkdtemp(dir=_STATE["staging"]))
    _STATE["busy"] = True
    try:
        limits = task.limits
        if identity.runs_as_root():
            limits = replace(limits, worker_user=identity.resolve(task.worker_user))
        folder.chmod(0o711)
        path = folder / f"{exercise.id}.py"
        path.write_bytes(task.source)
        path.chmod(0o644)
        try:
            report = engine.grade(exercise, engine.Submission((path,)), seed=task.seed, device=task.device,
                                  limits=limits)
        except engine.SubmissionError as e:
            graded = cells.ungraded(task.student, exercise, "invalid", str(e).replace(str(path), task.display))
        else:
            graded = cells.from_report(task.student, _relabel(report, str(path), task.display))
    except Exception as e:  # noqa: BLE001 - a bug on our side, reported in the cell
        graded = cells.ungraded(task.student, exercise, "grader-error", f"{type(e).__name__}: {e}")
    finally:
        _STATE["busy"] = False
        shutil.rmtree(folder, ignore_errors=True)
        if _STATE["stopping"]:  # stopped by the batch (``_stop``): the session has already ended its worker
            _exit()
    _STATE["done"] += 1
    return replace(graded, job=(os.getpid(), _STATE["done"]))


def _relabel(report: Report, staged: str, display: str) -> Report:
    """The report as if the student's file had been graded where the teacher found it."""
    def fix(text: str) -> str:
        return text.replace(staged, display)

    report.submission = Path(display)
    report.results = [replace(r, message=tuple(map(fix, r.message)), call=tuple(map(fix, r.call)),
                              traceback=fix(r.traceback), output=fix(r.output)) for r in report.results]
    return report


def _stop(_signum: int, _frame: object) -> None:
    """SIGTERM: stop grading now. A running grade is unwound by KeyboardInterrupt, which Hypothesis
    and the engine let through (SystemExit would count as a failed property), ending its worker."""
    _STATE["stopping"] = True
    if _STATE["busy"]:
        raise KeyboardInterrupt
    _exit()


def _exit() -> None:
    if _STATE["staging"] is not None:
        shutil.rmtree(_STATE["staging"], ignore_errors=True)
    os._exit(128 + signal.SIGTERM)


def _watch(batch_pid: int) -> None:
    while os.getppid() == batch_pid:
        time.sleep(0.5)
    os.kill(os.getpid(), signal.SIGTERM)
