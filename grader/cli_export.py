"""What leaves the course: ``grade export`` (the student edition), ``grade gradescope`` and ``grade lms-csv``.

The commands check their arguments and destination first, build everything in memory,
and only then write it (``grader.outputs``): an error costs nothing and leaves no
half-written output. The logic lives in ``grader.export``.
"""

from __future__ import annotations

from pathlib import Path

import click

from grader.cli_errors import InputError


def _topics(spec: str | None) -> tuple[int, ...]:
    from grader.topic_range import parse_topic_range
    from grader.topics import topics

    try:
        return parse_topic_range(spec) if spec else tuple(t.number for t in topics())
    except ValueError as e:
        raise InputError(str(e)) from None


def _log(line: str) -> None:
    click.echo(line, err=True)


@click.command("export")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--tier", type=click.Choice(["student"]), default="student", show_default=True,
              help="What to build; the teacher's tier is this repository itself.")
@click.option("--topics", "spec", metavar="RANGE", help="Only these topics, e.g. 1-10 or 1-3,7 (default: all).")
def export_command(out: Path, tier: str, spec: str | None) -> None:
    """Build the student edition in the new folder OUT.

    Pages, exercise stubs and the grader with its checks, without reference solutions or
    the catalogue's code: hints on known mistakes come from fingerprints of their outputs,
    recorded here at the default seed (this grades every known mistake: minutes for all
    topics).
    """
    from grader.export import edition, readme

    topics = _topics(spec)
    try:
        edition.check_destination(out)
        files = edition.build(topics, log=_log)
        edition.write(out, files)
    except edition.ExportError as e:
        raise InputError(str(e)) from None
    click.echo(f"Wrote the {tier} edition of {readme.describe_topics(topics)} to {out} ({len(files)} files); "
               f"students install it with ./setup.sh.")


@click.command("gradescope")
@click.argument("spec", metavar="N[.PART]")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="The .zip file to write.")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the checks' inputs on Gradescope (hints need the fingerprints of the same seed).")
def gradescope_command(spec: str, output: Path, seed: int) -> None:
    """Build Gradescope's autograder.zip for exercise N (or part N.PART), with the student edition."""
    from grader import catalog, outputs
    from grader.export import edition, gradescope

    if output.suffix != ".zip":
        raise InputError(f"{output}: Gradescope takes the autograder as a .zip file")
    try:
        exercise, part = catalog.find(spec)
    except catalog.UnknownExercise as e:
        raise InputError(str(e)) from None
    try:
        outputs.check_writable(output.parent)
        files = edition.build((exercise.topic,), seed=seed, log=_log)
        outputs.write_files({output: gradescope.bundle(exercise, part, seed, files, edition.EXECUTABLE)})
    except (edition.ExportError, outputs.OutputError) as e:
        raise InputError(str(e)) from None
    click.echo(f"Wrote {output}: upload it in Gradescope (Configure Autograder > Zip file upload); "
               f"students submit {exercise.id}.py.")


@click.command("lms-csv")
@click.argument("batch", metavar="BATCH_OUT", type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path), help="The .csv file to write.")
@click.option("--id-field", type=click.Choice(["email", "idnumber", "username"]), default="email",
              show_default=True, help="The Moodle user field the first column holds.")
@click.option("--roster", type=click.Path(path_type=Path),
              help="CSV mapping each student (first column, as in the gradebook) to that field (second column).")
@click.option("--percent", is_flag=True, help="Grades as percentages of each exercise's maximum.")
def lms_csv_command(batch: Path, output: Path, id_field: str, roster: Path | None, percent: bool) -> None:
    """Convert BATCH_OUT's gradebook.csv into a CSV for Moodle's grade import."""
    from grader import outputs
    from grader.export import lms

    try:
        gradebook = lms.gradebook_path(batch)
        if output.resolve() in {gradebook.resolve(), roster.resolve() if roster else None}:
            raise lms.LmsError(f"{output}: would overwrite an input; choose another output file")
        data = lms.moodle_csv(gradebook, id_field, roster, percent)
        outputs.write_files({output: data})
    except (lms.LmsError, outputs.OutputError) as e:
        raise InputError(str(e)) from None
    rows = data.decode().count("\n") - 1
    click.echo(f"Wrote {rows} students to {output}; in Moodle: Grades > Import > CSV file, "
               f"map '{lms.ID_FIELDS[id_field]}' to the same user field and each exercise to a grade item.")


COMMANDS = (export_command, gradescope_command, lms_csv_command)
