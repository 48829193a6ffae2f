"""A batch gradebook as a CSV for Moodle's grade import (``grade lms-csv``).

Moodle's "Import > CSV file" reads a UTF-8, comma-separated file with a header row; in its
preview, one column identifies the users (Map from that column, Map to "Email address", "ID
number" or "Username") and every other column is mapped to a grade item, an existing one or
a new item named after the column. The file written here is just that: the identifier column,
headed as Moodle's own export heads it, then one column per exercise of the gradebook
(``gradebook.csv`` of ``grade batch``: student, one column per exercise, total, max, status).
Grades use a dot as decimal separator; a score still pending is an empty cell, which Moodle
skips. The total, max and status are left out: Moodle computes its own totals.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

GRADEBOOK = "gradebook.csv"
ID_FIELDS = {"email": "Email address", "idnumber": "ID number", "username": "Username"}
NOT_GRADE_ITEMS = ("student", "total", "max", "status")
DECIMALS = 5  # Moodle stores grades with 5 decimals


class LmsError(Exception):
    """The gradebook or the roster cannot be converted; the message says where, in one line."""


def gradebook_path(batch: Path) -> Path:
    """``batch`` itself if it is a file, else the gradebook in that batch output folder."""
    path = batch / GRADEBOOK if batch.is_dir() else batch
    if not path.is_file():
        raise LmsError(f"{path}: no such file (give a `grade batch` output folder or its {GRADEBOOK})")
    return path


def moodle_csv(gradebook: Path, id_field: str, roster: Path | None = None, percent: bool = False) -> bytes:
    """The Moodle import file for ``gradebook``; ``roster`` maps its students to ``id_field`` values."""
    header, rows = _read_csv(gradebook, required=("student",))
    items = [column for column in header if column not in NOT_GRADE_ITEMS]
    if not items:
        raise LmsError(f"{gradebook}: no exercise columns besides {', '.join(NOT_GRADE_ITEMS)}")
    maxima = {item: _max_score(gradebook, item) for item in items} if percent else {}
    identifiers = _roster(roster) if roster else None
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([ID_FIELDS[id_field]] + items)
    seen: dict[str, str] = {}
    for line, row in rows:
        student = row["student"].strip()
        if not student:
            raise LmsError(f"{gradebook}:{line}: the student column is empty")
        identifier = student if identifiers is None else identifiers.get(student)
        if not identifier:
            raise LmsError(f"{roster}: no identifier for student '{student}' of {gradebook}")
        if id_field == "email" and "@" not in identifier:
            raise LmsError(f"{gradebook}:{line}: '{identifier}' is not an email address "
                           f"(use --id-field idnumber or username, or map students with --roster)")
        if identifier in seen:
            raise LmsError(f"{gradebook}:{line}: '{identifier}' is also the identifier of '{seen[identifier]}'")
        seen[identifier] = student
        writer.writerow([identifier] + [_grade(gradebook, line, item, row[item], maxima.get(item)) for item in items])
    return out.getvalue().encode("utf-8")


def _read_csv(path: Path, required: tuple[str, ...]) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = [name.strip() for name in reader.fieldnames or []]
            reader.fieldnames = header
            missing = [name for name in required if name not in header]
            if missing:
                raise LmsError(f"{path}: no '{missing[0]}' column in the header ({', '.join(header) or 'empty'})")
            rows = []
            for row in reader:
                if None in row or any(value is None for value in row.values()):
                    raise LmsError(f"{path}:{reader.line_num}: {len(header)} columns expected")
                rows.append((reader.line_num, row))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise LmsError(f"{path}: cannot be read as a UTF-8 CSV file ({e})") from None
    return header, rows


def _roster(path: Path) -> dict[str, str]:
    """Roster: a CSV whose first column is the student as in the gradebook, the second their LMS identifier."""
    header, rows = _read_csv(path, required=())
    if len(header) < 2:
        raise LmsError(f"{path}: a roster has two columns: the student as in the gradebook, then the identifier")
    return {row[header[0]].strip(): row[header[1]].strip() for _, row in rows}


def _grade(path: Path, line: int, item: str, cell: str, maximum: float | None) -> str:
    cell = cell.strip()
    if not cell:
        return ""
    try:
        value = float(cell)
    except ValueError:
        raise LmsError(f"{path}:{line}: '{cell}' in column {item} is not a score") from None
    if maximum is not None:
        value = 100 * value / maximum
    return f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")


def _max_score(path: Path, item: str) -> float:
    from grader import catalog

    try:
        exercise, part = catalog.find(item)
    except catalog.UnknownExercise:
        raise LmsError(f"{path}: column '{item}' is not an exercise, so --percent has no maximum for it") from None
    return (part or exercise).max_score
