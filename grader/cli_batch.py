"""The teacher's class commands: ``grade batch`` grades every student's files, ``grade check-results`` audits them.

The logic lives in ``grader.batch``; these commands parse options, show progress (a bar
with ETA on a terminal, one plain line per result otherwise, both on stderr) and turn
every problem into one ``error:`` line.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import click

from grader.cli_errors import InputError

BACKEND_CHOICE = click.Choice(["local", "dask", "ray"])
DEVICE_CHOICE = click.Choice(["auto", "cpu", "cuda"])
KEY_FILE = click.option("--key-file", type=click.Path(path_type=Path),
                        help="File holding the teacher's key (default: $DL_EXAM_KEY).")


def _key(key_file: Path | None) -> bytes:
    from grader.batch import signing

    try:
        return signing.take_key(key_file)
    except signing.KeyProblem as e:
        raise InputError(str(e)) from None


def _exercises(specs: tuple[str, ...], every: bool) -> tuple:
    from grader import catalog

    if every == bool(specs):
        raise InputError("name the exercises with -e N (repeat it for several) or --all, one of the two")
    if every:
        return tuple(catalog.all_exercises())
    exercises = {}
    for spec in specs:
        try:
            exercise, part = catalog.find(spec)
        except catalog.UnknownExercise as e:
            raise InputError(str(e)) from None
        if part is not None:
            raise InputError(f"-e {spec}: batch grades whole exercises; use -e {exercise.topic}")
        exercises[exercise.id] = exercise
    return tuple(sorted(exercises.values(), key=lambda e: e.topic))


@click.command("batch")
@click.argument("submissions", type=click.Path(path_type=Path))
@click.option("-e", "--exercise", "specs", multiple=True, metavar="N", help="An exercise to grade; repeat for several.")
@click.option("--all", "every", is_flag=True, help="Grade every exercise.")
@click.option("-j", "--jobs", type=click.IntRange(1, 512), help="Job processes (default: the CPU cores).")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("batch-results"), show_default=True,
              help="Folder for gradebook.csv and each student's results.")
@click.option("--seed", type=int, help="Seed of every student's inputs (default 0).")
@click.option("--seed-from", type=click.Choice(["student"]),
              help="Derive each student's seed from their id and the key instead.")
@KEY_FILE
@click.option("--backend", type=BACKEND_CHOICE, default="local", show_default=True,
              help="Where the jobs run: local processes, or a Dask or Ray cluster.")
@click.option("--cluster", metavar="ADDRESS", help="A running Dask scheduler or Ray cluster (default: a local one).")
@click.option("--worker-user", metavar="USER",
              help="Who runs student code when the batch runs as root (default: nobody).")
@click.option("--device", type=DEVICE_CHOICE, default="auto", show_default=True, help="Where torch exercises run.")
@click.option("--budget", type=click.FloatRange(min=1), default=60.0, show_default=True,
              help="Wall seconds one submission of one exercise may spend in student code.")
def batch_command(submissions: Path, specs: tuple[str, ...], every: bool, jobs: int | None, output: Path,
                  seed: int | None, seed_from: str | None, key_file: Path | None, backend: str, cluster: str | None,
                  worker_user: str | None, device: str, budget: float) -> None:
    """Grade every student's submission in SUBMISSIONS: one folder or zip per student.

    Files are named as in exercises/ (ex07_softmax_ce.py). Writes OUTPUT/gradebook.csv and,
    per student, each exercise's feedback (.txt) and signed result (.json). A rerun skips
    every result whose file, grader version and seed are unchanged.
    """
    import dataclasses
    import os

    from grader.batch import backends, identity, runner
    from grader.engine import DEFAULT_LIMITS

    if seed is not None and seed_from:
        raise InputError("--seed and --seed-from student cannot be combined")
    if worker_user is not None and not identity.runs_as_root():
        raise InputError("--worker-user applies only to a batch run as root (workers already run as you)")
    if cluster and backend == "local":
        raise InputError("--cluster needs --backend dask or --backend ray")
    settings = runner.Settings(_exercises(specs, every), seed or 0, seed_from == "student", device,
                               dataclasses.replace(DEFAULT_LIMITS, run_budget=budget),
                               worker_user or identity.DEFAULT, jobs or os.cpu_count() or 1, backend, cluster)
    key = _key(key_file)
    started = time.monotonic()
    try:
        batch = runner.Batch(submissions, output, settings, key)
    except (runner.BatchProblem, identity.IdentityProblem) as e:
        raise InputError(str(e)) from None
    for note in batch.notes:
        click.echo(note, err=True)
    for student in batch.refused:
        click.echo(f"{student.origin}: refused: {student.refused}")
    if batch.worker_ids is None and identity.runs_as_root() and batch.tasks:
        click.echo("warning: student code runs as root: it can read and change anything on this machine", err=True)
    if batch.reused:
        click.echo(f"{batch.reused} results are kept from an earlier run (same file, grader version and seed).")
    try:
        with _Progress(len(batch.tasks)) as progress:
            graded = batch.run(progress.advance)
    except (runner.BatchProblem, identity.IdentityProblem, backends.BackendProblem) as e:
        raise InputError(str(e)) from None
    except KeyboardInterrupt:
        click.echo(f"\nInterrupted: the finished results are in {output}; run the same command again to go on.",
                   err=True)
        raise
    statuses = Counter(str(signed["batch"]["status"]) for signed in batch.results.values())
    click.echo(f"Graded {len(graded)} and kept {batch.reused} of {len(batch.results)} results "
               f"({_count(len(batch.students), 'student')} × {_count(len(settings.exercises), 'exercise')}) "
               f"in {time.monotonic() - started:.0f} s: "
               + ", ".join(f"{count} {status}" for status, count in sorted(statuses.items())) + ".")
    click.echo(f"Gradebook: {output / 'gradebook.csv'}; feedback and signed results: {output}/<student>/")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class _Progress:
    """A bar with ETA on a terminal; one plain line per finished result otherwise."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None
        if total and sys.stderr.isatty():
            self.bar = click.progressbar(length=total, label="Grading", file=sys.stderr, show_eta=True,
                                         show_pos=True, item_show_func=lambda line: line)

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def advance(self, graded, done: int, total: int) -> None:  # noqa: ANN001 - grader.batch.cells.Graded
        line = f"{graded.student} {graded.exercise_id}: {graded.score:g}/{graded.result['max_score']:g} {graded.status}"
        if self.bar is not None:
            self.bar.update(1, line)
        else:
            click.echo(f"[{done}/{total}] {line}", err=True)


@click.command("check-results")
@click.argument("output", type=click.Path(path_type=Path))
@click.option("--submissions", type=click.Path(path_type=Path),
              help="Also check that every graded file in this folder is still the one that was graded.")
@KEY_FILE
def check_results_command(output: Path, submissions: Path | None, key_file: Path | None) -> None:
    """Verify every signed result in OUTPUT (a `grade batch` folder); exit 1 if any was edited."""
    from grader.batch import audit

    key = _key(key_file)
    try:
        verified, problems = audit.audit(output, key, submissions)
    except audit.AuditProblem as e:
        raise InputError(str(e)) from None
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"{len(problems)} problems; {verified} results verify.", err=True)
        sys.exit(1)
    click.echo(f"All {verified} results verify, and so does the gradebook.")


COMMANDS = (batch_command, check_results_command)
