"""``grade exercise N --watch``: grade again on every save and show only what changed.

The grader's side stays warm between runs: torch, which the oracles need, is imported
once, and the next run's worker boots (imports NumPy or torch) as soon as a run ends, so
a save costs little more than the checks themselves. Saves are noticed by polling the
file's content every ``POLL`` seconds: no extra dependency, and editors that save by
writing a new file and renaming it are seen too.
"""

from __future__ import annotations

import hashlib
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from grader import engine, report
from grader.exercise import Exercise, Part
from grader.results import Report

POLL = 0.1  # seconds between looks at the file


def content(path: Path) -> bytes | None:
    """A digest of the file's bytes; None while it is missing (mid-save)."""
    try:
        return hashlib.sha256(path.read_bytes()).digest()
    except OSError:
        return None


def changed_keys(previous: Report | None, current: Report) -> list[str]:
    """Checks whose verdict or points differ from the previous run (all of them on the first)."""
    before = {r.key: (r.outcome, r.points) for r in previous.results} if previous else {}
    return [r.key for r in current.results if before.get(r.key) != (r.outcome, r.points)]


def reports(exercise: Exercise, path: Path, *, parts: list[Part] | None, seed: int, device: str,
            stop: Callable[[], bool] = lambda: False) -> Iterator[Report | engine.SubmissionError]:
    """A report now, and another after every save that changes the file, until ``stop()``.

    A file that cannot be graded at the moment (a syntax error mid-edit) yields its error.
    """
    submission = engine.Submission((path.resolve(),))
    seen = content(path)
    prepared = None
    try:
        while True:
            try:
                yield engine.grade(exercise, submission, parts=parts, seed=seed, device=device, prepared=prepared)
            except engine.SubmissionError as e:
                if prepared is not None:
                    prepared.close()
                yield e
            prepared = engine.prepare(exercise, submission, device=device)  # boots while the student edits
            while not stop():
                time.sleep(POLL)
                now = content(path)
                if now is not None and now != seen:
                    seen = now
                    break
            else:
                return
    finally:
        if prepared is not None:
            prepared.close()


def run(exercise: Exercise, path: Path, *, parts: list[Part] | None, seed: int, device: str, quiet: bool,
        record: Callable[[Report], None]) -> int:
    """Print a full report, then what each save changed; the exit status of the last run on Ctrl-C."""
    color = report.wants_color(sys.stdout)
    click.echo(f"Watching {path}: save it to grade again, Ctrl-C to stop.\n")
    last: Report | None = None
    try:
        for outcome in reports(exercise, path, parts=parts, seed=seed, device=device):
            stamp = time.strftime("%H:%M:%S")
            if isinstance(outcome, engine.SubmissionError):
                click.echo(f"[{stamp}] error: {outcome}")
                continue
            record(outcome)
            if quiet:
                click.echo(f"[{stamp}] {report.summary_line(outcome, color)}", color=color)
            elif last is None:
                click.echo(report.render_text(outcome, color), color=color)
            else:
                keys = set(changed_keys(last, outcome))
                lines = report.render_checks([r for r in outcome.results if r.key in keys], color)
                what = f"{len(keys)} check{'s' * (len(keys) != 1)} changed" if keys else "nothing changed"
                click.echo("\n".join([f"\n[{stamp}] saved: {what}", *lines, report.summary_line(outcome, color)]),
                           color=color)
            last = outcome
    except KeyboardInterrupt:
        click.echo("\nStopped watching.")
    return 0 if last is not None and last.full_marks else 1
