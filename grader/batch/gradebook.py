"""The gradebook: one CSV row per student, one score column per exercise, the total and a status.

A cell still being graded is empty, and so is the total of its row, whose status then
says ``pending``; otherwise the status is ``ok`` when every exercise was graded, or lists
the exercises that were not (``ex07_softmax_ce: error; ex20_conv: missing``); a refused
submission's status gives the reason. Built from the stored results alone, so
``grade check-results`` can rebuild and compare it.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from grader.batch import store
from grader.exercise import Exercise


def header(exercises: list[Exercise]) -> list[str]:
    return ["student", *(e.id for e in exercises), "total", "max", "status"]


def row(student: str, exercises: list[Exercise], results: dict[tuple[str, str], dict[str, Any]]) -> list[str]:
    """The student's row; ``results`` maps (student, exercise id) to stored results."""
    cells = [results.get((student, e.id)) for e in exercises]
    pending = any(c is None for c in cells)
    scores = ["" if c is None else f"{store.cell_of(c)[1]:g}" for c in cells]
    total = "" if pending else f"{sum(store.cell_of(c)[1] for c in cells):g}"
    refused = [c["batch"].get("message", "") for c in cells if c is not None and store.cell_of(c)[0] == "refused"]
    if refused:
        status = f"refused: {refused[0]}"
    else:
        problems = [f"{e.id}: {store.cell_of(c)[0]}" for e, c in zip(exercises, cells, strict=True)
                    if c is not None and store.cell_of(c)[0] != "graded"]
        status = "; ".join((["pending"] if pending else []) + problems) or "ok"
    return [student, *scores, total, f"{sum(e.max_score for e in exercises):g}", status]


def render(students: list[str], exercises: list[Exercise], results: dict[tuple[str, str], dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header(exercises))
    for student in students:
        writer.writerow(row(student, exercises, results))
    return buffer.getvalue().encode("utf-8")


def parse(data: bytes) -> list[list[str]]:
    """The rows of a gradebook, header first."""
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))
