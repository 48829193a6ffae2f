"""The results folder: one signed JSON result and one feedback text per student and exercise.

``<student>/<exercise>.json`` is Gradescope's results.json with a ``batch`` section —
student, exercise, status, the submission's sha256, the grader version, the seed, the
limits and the feedback's sha256 — and ``hmac``, HMAC-SHA256 of all the rest under the
teacher's key. A stored result is reused by a rerun only when its signature verifies,
its feedback is intact and the submission, grader version, seed, device and limits are
those the rerun would grade with. The marker file ``.dl-exam-batch`` tells a results
folder from any other, so a batch never writes into a folder of the teacher's own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from grader.batch import signing
from grader.batch.cells import Graded

FORMAT = 1
MARKER = ".dl-exam-batch"
GRADEBOOK = "gradebook.csv"
KEYED = ("student", "exercise", "submission", "grader_version", "seed", "seed_from", "device", "limits")


def json_path(out: Path, student: str, exercise_id: str) -> Path:
    return out / student / f"{exercise_id}.json"


def feedback_path(out: Path, student: str, exercise_id: str) -> Path:
    return out / student / f"{exercise_id}.txt"


def record(graded: Graded, meta: dict[str, Any], key: bytes) -> dict[str, Any]:
    """The signed result of a cell; ``meta`` holds the KEYED fields."""
    batch = {"format": FORMAT, **meta, "status": graded.status, "message": graded.message,
             "feedback_sha256": signing.sha256(graded.feedback.encode("utf-8"))}
    unsigned = {**graded.result, "batch": batch}
    return {**unsigned, "hmac": signing.sign(unsigned, key)}


def files(out: Path, graded: Graded, signed: dict[str, Any]) -> dict[Path, bytes]:
    """The cell's two files, feedback first: a result is never on disk before its feedback."""
    return {feedback_path(out, graded.student, graded.exercise_id): graded.feedback.encode("utf-8"),
            json_path(out, graded.student, graded.exercise_id): encode(signed)}


def encode(signed: dict[str, Any]) -> bytes:
    return (json.dumps(signed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def load(path: Path) -> dict[str, Any] | None:
    """The stored result at ``path``, or None when there is none or it is not a result."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("batch"), dict) else None


def authentic(signed: dict[str, Any], key: bytes) -> bool:
    unsigned = {k: v for k, v in signed.items() if k != "hmac"}
    return signing.verify(unsigned, signed.get("hmac"), key)


def feedback_intact(out: Path, signed: dict[str, Any]) -> bool:
    batch = signed["batch"]
    try:
        text = feedback_path(out, str(batch.get("student")), str(batch.get("exercise"))).read_bytes()
    except OSError:
        return False
    return signing.sha256(text) == batch.get("feedback_sha256")


def reusable(out: Path, meta: dict[str, Any], key: bytes) -> dict[str, Any] | None:
    """The stored result for ``meta``'s cell if a rerun may keep it, else None."""
    signed = load(json_path(out, meta["student"], meta["exercise"]))
    if signed is None or not authentic(signed, key) or signed["batch"].get("status") == "grader-error":
        return None
    if any(signed["batch"].get(name) != meta[name] for name in KEYED) or not feedback_intact(out, signed):
        return None
    return signed


def cell_of(signed: dict[str, Any]) -> tuple[str, float]:
    """(status, score) of a stored result."""
    return str(signed["batch"].get("status")), float(signed.get("score", 0.0))
