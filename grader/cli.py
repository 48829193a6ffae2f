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

from grader import cli_batch, cli_export, cli_papers, cli_site, cli_study
from grader.cli_errors import InputError

DEVICES = click.Choice(["auto", "cpu", "cuda"])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dl-exam")
def cli() -> None:
    """Grade deep-learning exercises and browse the exam's 41 topics."""


@cli.command("exercise")
@click.argument("spec", metavar="N[.PART]")
@click.option("--path", "path", type=click.Path(path_type=Path), help="Grade this file instead of your work/ copy.")
@click.option("--json", "as_json", is_flag=True, help="Print only a Gradescope results.json object.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the score line.")
@click.option("--seed", type=int, default=0, show_default=True, help="Change the random inputs of the checks.")
@click.option("--device", type=DEVICES, default="auto", show_default=True,
              help="Where torch exercises run (NumPy exercises always run on the CPU).")
@click.option("--watch", is_flag=True, help="Grade again on every save of the file, showing what changed.")
def exercise_command(spec: str, path: Path | None, as_json: bool, quiet: bool, seed: int, device: str,
                     watch: bool) -> None:
    """Grade exercise N (such as 25), or one part of it (such as 25.2)."""
    from grader import catalog, engine, report, workspace

    if as_json and (quiet or watch):
        _fail(f"{'--quiet' if quiet else '--watch'} and --json cannot be combined", as_json)
    try:
        exercise, part = catalog.find(spec)
    except catalog.UnknownExercise as e:
        _fail(str(e), as_json)
    if path is None:
        path, created = workspace.student_file(exercise)
        if created and not (as_json or quiet):
            click.echo(f"Created {path} from the stub; write your solution there and grade it again.\n")
    if watch:
        from grader import watch as watching

        record = workspace.record if not _outside_workspace(path) and part is None else (lambda _report: None)
        sys.exit(watching.run(exercise, path, parts=[part] if part else None, seed=seed, device=device,
                              quiet=quiet, record=record))
    try:
        result = engine.grade(exercise, engine.Submission((path.resolve(),)),
                              parts=[part] if part else None, seed=seed, device=device)
    except engine.SubmissionError as e:
        _fail(str(e), as_json, exercise.max_score)
    if not _outside_workspace(path) and part is None:
        workspace.record(result)
    if as_json:
        click.echo(report.to_json(report.gradescope(result)))
    else:
        color = report.wants_color(sys.stdout)
        render = report.summary_line if quiet else report.render_text
        click.echo(render(result, color), color=color)
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


@cli.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the progress as JSON.")
def status_command(as_json: bool) -> None:
    """Show your progress, weakest exercises first."""
    from grader import listing, status

    try:
        rows = status.status_rows()
    except listing.ListingError as e:
        _fail(str(e), False)
    click.echo(status.to_json(rows) if as_json else status.render(rows))


@cli.command("reset")
@click.argument("spec", metavar="N")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def reset_command(spec: str, yes: bool) -> None:
    """Restore exercise N's stub, backing up your file.

    Your file is moved to work/backups/ under a timestamped name first; asks before
    doing it unless --yes.
    """
    from grader import catalog, workspace

    try:
        exercise, part = catalog.find(spec)
    except catalog.UnknownExercise as e:
        _fail(str(e), False)
    if part is not None:
        _fail(f"reset restores a whole exercise: use `grade reset {exercise.topic}`", False)
    target = workspace.student_path(exercise)
    existed = target.exists()
    if workspace.is_modified(exercise) and not yes:
        if not (sys.stdin and sys.stdin.isatty()):
            _fail(f"not asking for confirmation in a non-interactive run: use `grade reset {spec} --yes`", False)
        if not click.confirm(f"Replace {target} with the stub (your file goes to work/{workspace.BACKUPS}/)?"):
            click.echo("Nothing changed.")
            return
    backup = workspace.reset(exercise)
    if backup:
        click.echo(f"Moved your file to {backup}; {target} is the stub again.")
    else:
        click.echo(f"{target} is already the stub." if existed else f"Created {target} from the stub.")


@cli.command("hint")
@click.argument("spec", metavar="N[.PART]")
def hint_command(spec: str) -> None:
    """Show the next hint for your first failing check.

    Grades your work/ copy of exercise N (or of part N.P); each call shows a deeper hint
    for the same known mistake, up to the last.
    """
    from grader import catalog, engine, hints, workspace

    try:
        exercise, part = catalog.find(spec)
    except catalog.UnknownExercise as e:
        _fail(str(e), False)
    path, created = workspace.student_file(exercise)
    if created:
        click.echo(f"Created {path} from the stub; write your solution there.\n")
    try:
        result = engine.grade(exercise, engine.Submission((path.resolve(),)), parts=[part] if part else None)
    except engine.SubmissionError as e:
        _fail(str(e), False)
    click.echo(hints.advise(result, spec) or f"Every check of exercise {spec} passes: no hint needed.")
    sys.exit(0 if result.full_marks else 1)


@cli.command("verify")
@click.argument("specs", nargs=-1, metavar="[N ...]")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the checks' random inputs.")
@click.option("--device", type=DEVICES, default="auto", show_default=True, help="Where torch exercises run.")
@click.option("--devices", metavar="A,B", help="Grade torch exercises on each (e.g. cpu,cuda): scores must agree.")
def verify_command(specs: tuple[str, ...], seed: int, device: str, devices: str | None) -> None:
    """Teacher's self-check: references score full marks, every known mistake loses marks."""
    from grader import catalog, engine, verify

    try:
        exercises = [catalog.find(s)[0] for s in specs] if specs else catalog.all_exercises()
    except catalog.UnknownExercise as e:
        _fail(str(e), False)
    compared = tuple(devices.split(",")) if devices else ()
    if any(d not in ("cpu", "cuda") for d in compared):
        _fail(f"--devices takes cpu and cuda, e.g. cpu,cuda (got {devices})", False)
    if compared:
        exercises = [e for e in exercises if e.framework == "torch"]
    torch_exercise = next((e for e in exercises if e.framework == "torch"), None)
    if torch_exercise and "cuda" in (device, *compared):
        try:
            engine.resolve_device(torch_exercise, "cuda")
        except engine.SubmissionError as e:
            _fail(str(e), False)
    rows = []
    click.echo(verify.HEADER)
    for exercise in exercises:
        graded = verify.compare_devices(exercise, compared, seed) if compared else \
            verify.verify(exercise, seed=seed, device=device)
        for row in graded:
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


@cli.command("anki")
@click.argument("spec", required=False, metavar="[RANGE]")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="The .apkg file to write.")
def anki_command(spec: str | None, output: Path) -> None:
    """Export the theory questions as an Anki deck: all topics, or a RANGE such as 7, 20-25 or 1-3,7."""
    from grader import anki, bank, outputs
    from grader.topic_range import parse_topic_range

    if output.suffix != ".apkg":
        _fail(f"{output}: an Anki package must end in .apkg", False)
    try:
        numbers = parse_topic_range(spec) if spec else None
        pages = bank.load_bank()
    except (ValueError, bank.BankError) as e:
        _fail(str(e), False)
    try:
        count = anki.export(pages, output, numbers)
    except outputs.OutputError as e:
        _fail(str(e), False)
    click.echo(f"Wrote {count} questions to {output}; import it in Anki with File > Import.")


for _command in (*cli_papers.COMMANDS, *cli_study.COMMANDS, *cli_export.COMMANDS):
    cli.add_command(_command)
for _command in cli_batch.COMMANDS:
    cli.add_command(_command)
for _command in cli_site.COMMANDS:
    cli.add_command(_command)


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
        if isinstance(e, click.UsageError) and e.ctx is not None:  # one line, not click's usage block
            click.echo(f"error: {e.format_message()} (see: {e.ctx.command_path} --help)", err=True)
        else:
            e.show()
        sys.exit(e.exit_code)
