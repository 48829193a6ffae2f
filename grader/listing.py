"""``grade list``: the 41 topics with their exercise, questions and the student's last score."""

from __future__ import annotations

import json
from typing import Any

from grader import bank, catalog, workspace
from grader.topics import topics


class ListingError(Exception):
    """Something the listing reads is malformed (the question bank)."""


def topic_rows() -> list[dict[str, Any]]:
    """One row per topic, in exam order."""
    try:
        pages = {p.topic: p for p in bank.load_bank()}
    except bank.BankError as e:
        raise ListingError(str(e)) from None
    exercises = catalog.by_topic()
    progress = workspace.load_progress()
    rows = []
    for topic in topics():
        exercise = exercises.get(topic.number)
        done = progress.get(exercise.id, {}) if exercise else {}
        rows.append({
            "number": topic.number,
            "title": topic.title,
            "exam_title": topic.exam_title,
            "title_en": topic.title_en,
            "section": topic.section,
            "exercise": exercise.id if exercise else None,
            "parts": [{"number": p.number, "name": p.name, "max_score": p.max_score}
                      for p in exercise.parts] if exercise else [],
            "questions": len(pages[topic.number].questions) if topic.number in pages else 0,
            "score": done.get("score"),
            "max_score": exercise.max_score if exercise else None,
        })
    return rows


def to_json(rows: list[dict[str, Any]]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)


def render(rows: list[dict[str, Any]]) -> str:
    width = max(len(r["title"]) for r in rows)
    id_width = max(len(r["exercise"] or "-") for r in rows)
    lines = [f"{'#':>2}  {'topic':{width}}  {'exercise':{id_width}}  {'questions':>9}  score"]
    section = None
    for row in rows:
        if row["section"] != section:
            section = row["section"]
            lines += ["", f"    {section}"]
        score = "" if row["score"] is None else f"{row['score']:g}/{row['max_score']:g}"
        exercise = row["exercise"] or "-"
        lines.append(f"{row['number']:>2}  {row['title']:{width}}  {exercise:{id_width}}  "
                     f"{row['questions']:>9}  {score}")
    lines += ["", "Grade an exercise with `grade exercise N`; your work lives in work/."]
    return "\n".join(lines)
