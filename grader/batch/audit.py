"""``grade check-results``: find every result edited after grading.

Each ``<student>/<exercise>.json`` must carry a valid signature under the teacher's key,
sit where its signed student and exercise say, and match its feedback text's hash; the
gradebook must be the one the signed results give; and, given the submissions folder,
every graded file must still be the one that was graded. Each problem is one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from grader import catalog
from grader.batch import discovery, signing, store
from grader.batch import gradebook as gradebooks


class AuditProblem(Exception):
    """The folder cannot be checked at all; one line."""


def audit(out: Path, key: bytes, submissions: Path | None = None) -> tuple[int, list[str]]:
    """(how many results verify, one line per problem)."""
    if not (out / store.MARKER).is_file():
        raise AuditProblem(f"{out}: not a folder of batch results (no {store.MARKER})")
    problems: list[str] = []
    results: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted(out.glob("*/*.json")):
        label = path.relative_to(out).as_posix()
        signed = store.load(path)
        if signed is None:
            problems.append(f"{label}: not a batch result (not JSON, or no batch section)")
        elif not store.authentic(signed, key):
            problems.append(f"{label}: signature does not match: edited after grading, or signed with another key")
        elif (signed["batch"].get("student"), signed["batch"].get("exercise")) != (path.parent.name, path.stem):
            problems.append(f"{label}: holds the result of "
                            f"{signed['batch'].get('student')}/{signed['batch'].get('exercise')}")
        elif not store.feedback_intact(out, signed):
            problems.append(f"{path.with_suffix('.txt').relative_to(out).as_posix()}: "
                            f"not the feedback that was signed (edited or deleted)")
        else:
            results[(path.parent.name, path.stem)] = signed
    problems += _gradebook_problems(out, results)
    if submissions is not None:
        problems += _submission_problems(submissions, results)
    return len(results), problems


def _gradebook_problems(out: Path, results: dict[tuple[str, str], dict[str, Any]]) -> list[str]:
    try:
        rows = gradebooks.parse((out / store.GRADEBOOK).read_bytes())
    except (OSError, UnicodeDecodeError) as e:
        return [f"{store.GRADEBOOK}: cannot be read ({e})"]
    if not rows or rows[0][:1] != ["student"] or rows[0][-3:] != ["total", "max", "status"]:
        return [f"{store.GRADEBOOK}: not a gradebook (unexpected header)"]
    try:
        exercises = [catalog.find(column)[0] for column in rows[0][1:-3]]
    except catalog.UnknownExercise as e:
        return [f"{store.GRADEBOOK}: {e}"]
    header = gradebooks.header(exercises)
    problems = []
    for found in rows[1:]:
        if not found:
            continue
        expected = gradebooks.row(found[0], exercises, results)
        wrong = [(name, got, want) for name, got, want in zip(header, found + [""] * len(header), expected,
                                                               strict=False) if got != want]
        if wrong or len(found) != len(header):
            name, got, want = wrong[0] if wrong else ("columns", len(found), len(header))
            signed = f"signed: {want!r}" if want != "" else "no valid signed result"
            problems.append(f"{store.GRADEBOOK}: the row of {found[0]} differs from the signed results "
                            f"({name}: {got!r}, {signed})")
    return problems


def _submission_problems(submissions: Path, results: dict[tuple[str, str], dict[str, Any]]) -> list[str]:
    if not submissions.is_dir():
        raise AuditProblem(f"{submissions}: no such folder of submissions")
    graded = {cell: signed["batch"]["submission"] for cell, signed in results.items()
              if isinstance(signed["batch"].get("submission"), dict)}
    students, _ = discovery.discover(submissions, sorted({exercise for _, exercise in graded}))
    files = {(s.student, exercise): data for s in students for exercise, data in s.files.items()}
    problems = []
    for cell, submission in sorted(graded.items()):
        if cell not in files:
            problems.append(f"{submission['path']}: no longer in {submissions}")
        elif signing.sha256(files[cell]) != submission.get("sha256"):
            problems.append(f"{submission['path']}: not the file that was graded (changed since)")
    return problems
