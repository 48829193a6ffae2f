"""The ``grade`` command line: thin click commands over the engine.

Exit statuses: 0 full marks (or the command succeeded), 1 some check failed (or a
self-check found a weakness), 2 a usage or input error, explained in one line.
Heavy modules are imported inside the commands, so ``grade --help`` and ``grade list``
start fast and never import torch.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

DEVICES = click.Choice(["auto", "cpu", "cuda"])


class InputError(click.ClickException):
    """A usage or input error: one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"error: {self.message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dl-exam")
def cli() -> None:
    """Grade deep-learning exercises and browse the exam's 41 topics."""


@cli.command("exercise")
@click.argument("spec", metavar="N[.PART]")
@click.option("--path", "path", type=click.Path(path_type=Path), help="Grade this file instead of your work/ copy.")
@click.option("--json", "as_json", is_flag=True, help="Print only a Gradescope results.json object.")
@click.option("--seed", type=int, default=0, show_default=True, help="Change the random inputs of the checks.")
@click.option("--device", type=DEVICES, default="auto", show_default=True,
              help="Where torch exercises run (NumPy exercises always run on the CPU).")
def exercise_command(spec: str, path: Path | None, as_json: bool, seed: int, device: str) -> None:
    """Grade exercise N (e.g. 25), or one part of it (e.g. 25.2)."""
    from grader import catalog, engine, report, workspace

    try:
        exercise, part = catalog.find(spec)
    except catalog.UnknownExercise as e:
        _fail(str(e), as_json)
    if path is None:
        path, created = workspace.student_file(exercise)
        if created and not as_json:
            click.echo(f"Created {path} from the stub; write your solution there and grade it again.\n")
    try:
        result = engine.grade(exercise, engine.Submission((path.resolve(),)),
                              parts=[part] if part else None, seed=seed, device=device)
    except engine.SubmissionError as e:
        _fail(str(e), as_json, exercise.max_score)
    if not _outside_workspace(path) and part is None:
        workspace.record(result)
    click.echo(report.to_json(report.gradescope(result)) if as_json else report.render_text(result))
    sys.exit(0 if result.full_marks else 1)


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the topics as JSON.")
def list_command(as_json: bool) -> None:
    """Show the 41 topics: exercise, theory questions and your last score."""
    from grader import listing

    try:
        rows = listing.topic_rows()
    except listing.ListingError as e:
        _fail(str(e), False)
    click.echo(listing.to_json(rows) if as_json else listing.render(rows))


@cli.command("verify")
@click.argument("specs", nargs=-1, metavar="[N ...]")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the checks' random inputs.")
def verify_command(specs: tuple[str, ...], seed: int) -> None:
    """Teacher's self-check: references score full marks, every known mistake loses marks."""
    from grader import catalog, verify

    try:
        exercises = [catalog.find(s)[0] for s in specs] if specs else catalog.all_exercises()
    except catalog.UnknownExercise as e:
        _fail(str(e), False)
    rows = []
    click.echo(verify.HEADER)
    for exercise in exercises:
        for row in verify.verify(exercise, seed=seed):
            click.echo(verify.render_row(row))
            rows.append(row)
    weak = [r for r in rows if not r.ok]
    click.echo(f"\n{len(rows) - len(weak)} of {len(rows)} gradings behave as expected.")
    sys.exit(1 if weak else 0)


@cli.command("demo")
def demo_command() -> None:
    """Grade a shipped submission with a classic mistake and show the feedback a student gets."""
    from grader import demo

    report, expected = demo.run()
    click.echo(report)
    if not expected:
        click.echo("\nThe demo did not behave as intended: the grader may be broken.", err=True)
        sys.exit(1)
    click.echo(f"\nThat is what a student sees. Try it yourself: {demo.NEXT_STEP}")


@cli.command("bank")
def bank_command() -> None:
    """Validate the question bank (questions/*.md) and summarise it."""
    from grader import bank

    try:
        pages = bank.load_bank()
    except bank.BankError as e:
        _fail(str(e), False)
    click.echo(bank.summary(pages))


def _outside_workspace(path: Path) -> bool:
    from grader import paths

    return paths.workspace().resolve() not in path.resolve().parents


def _fail(message: str, as_json: bool, max_score: float = 0.0) -> NoReturn:
    if as_json:
        from grader import report

        click.echo(report.to_json(report.gradescope_error(message, max_score)))
    raise InputError(message)


def main() -> None:
    """Entry point: usage errors in --json mode still print a results.json object."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as e:
        if "--json" in sys.argv and not isinstance(e, InputError):
            from grader import report

            click.echo(report.to_json(report.gradescope_error(e.format_message())))
        e.show()
        sys.exit(e.exit_code)
