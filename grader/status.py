"""``grade status``: the student's progress over every exercise, weakest first.

Order: exercises started but short of full marks come first, by the fraction of the
maximum score they reached (lowest first, ties in topic order), since they are what to
work on next; then exercises not started, then those at full marks, both in topic
order. The score counts against the exercise's current maximum, so an exercise that
gained checks since it was graded is no longer at full marks.
"""

from __future__ import annotations

import json
from typing import Any

from grader import listing, workspace

STARTED, NOT_STARTED, FULL_MARKS = "started", "not started", "full marks"
GROUPS = {STARTED: "Started, weakest first", NOT_STARTED: "Not started", FULL_MARKS: "Full marks"}
TITLE_WIDTH = 40  # keeps a row within 80 columns


def status_rows() -> list[dict[str, Any]]:
    """One row per exercise, weakest first (raises ``listing.ListingError``)."""
    progress = workspace.load_progress()
    rows = []
    for topic in listing.topic_rows():
        if topic["exercise"] is None:
            continue
        done = progress.get(topic["exercise"], {})
        rows.append({
            "number": topic["number"],
            "title": topic["title"],
            "exercise": topic["exercise"],
            "state": _state(topic["score"], topic["max_score"]),
            "score": topic["score"],
            "max_score": topic["max_score"],
            "attempts": done.get("attempts", 0),
            "graded_at": done.get("graded_at"),
        })
    return sorted(rows, key=_weakest_first)


def _state(score: float | None, max_score: float) -> str:
    if score is None:
        return NOT_STARTED
    return FULL_MARKS if score >= max_score else STARTED


def _weakest_first(row: dict[str, Any]) -> tuple[int, float, int]:
    fraction = row["score"] / row["max_score"] if row["state"] == STARTED and row["max_score"] else 0.0
    return list(GROUPS).index(row["state"]), fraction, row["number"]


def summary(rows: list[dict[str, Any]]) -> str:
    counts = _counts(rows)
    return (f"{counts[FULL_MARKS]} of {len(rows)} exercises at full marks; "
            f"{counts[STARTED]} started; {counts[NOT_STARTED]} not started")


def _counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    return {state: sum(r["state"] == state for r in rows) for state in GROUPS}


def to_json(rows: list[dict[str, Any]]) -> str:
    """The rows, weakest first, and how many exercises are in each state."""
    return json.dumps({"exercises": rows, "summary": _counts(rows)}, ensure_ascii=False, indent=2)


def render(rows: list[dict[str, Any]]) -> str:
    """A table that fits 80 columns, one block per state, and the summary line."""
    width = min(TITLE_WIDTH, max(len(r["title"]) for r in rows))
    lines = [f"{'#':>2}  {'topic':{width}}  {'score':>7}  {'tries':>5}  last graded"]
    group = None
    for row in rows:
        if row["state"] != group:
            group = row["state"]
            lines += ["", f"    {GROUPS[group]}"]
        title = row["title"] if len(row["title"]) <= width else row["title"][:width - 1] + "…"
        score = "-" if row["score"] is None else f"{row['score']:g}/{row['max_score']:g}"
        tries = row["attempts"] or "-"
        graded = (row["graded_at"] or "-")[:16].replace("T", " ")
        lines.append(f"{row['number']:>2}  {title:{width}}  {score:>7}  {tries:>5}  {graded}")
    lines += ["", summary(rows)]
    return "\n".join(lines)
