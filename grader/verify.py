"""``grade verify``: the teacher's self-check of every grader against its catalogue.

The reference and each correct alternative must score full marks; each wrong variant
must lose marks in its own part, and the mistake matcher must name it from its outputs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from grader.engine import Submission, grade
from grader.exercise import Exercise
from grader.mistakes import Variant, catalogue
from grader.results import Outcome, Report


@dataclass(frozen=True)
class Row:
    exercise: str
    variant: str  # "reference", "alt_*" or "wrong_*"
    score: float
    max_score: float
    ok: bool
    verdict: str


def verify(exercise: Exercise, seed: int = 0, device: str = "auto") -> Iterator[Row]:
    """Grade the reference and every catalogued variant; one row each."""
    reference = grade(exercise, Submission((exercise.reference_path,)), seed=seed, device=device)
    yield _expect_full(exercise, "reference", reference)
    for variant in catalogue(exercise):
        report = grade(exercise, Submission((exercise.reference_path, variant.path)), seed=seed, device=device)
        yield _judge_wrong(exercise, variant, report) if variant.is_wrong else \
            _expect_full(exercise, variant.name, report)


def compare_devices(exercise: Exercise, devices: tuple[str, ...], seed: int = 0) -> Iterator[Row]:
    """Each graded variant on every device (``cpu``, ``cuda``): the same score everywhere, or WEAK."""
    runs = [list(verify(exercise, seed, device)) for device in devices]
    for rows in zip(*runs, strict=True):
        scores = [row.score for row in rows]
        if len(set(scores)) == 1:
            first = rows[0]
            yield Row(exercise.id, first.variant, first.score, first.max_score, all(r.ok for r in rows),
                      f"same on {', '.join(devices)}; {first.verdict}")
        else:
            differ = ", ".join(f"{d}: {s:g}" for d, s in zip(devices, scores, strict=True))
            yield Row(exercise.id, rows[0].variant, rows[0].score, rows[0].max_score, False,
                      f"WEAK: the score depends on the device ({differ})")


def _expect_full(exercise: Exercise, name: str, report: Report) -> Row:
    failed = [r.key for r in report.results if r.outcome is not Outcome.PASSED]
    verdict = "full marks" if not failed else f"WEAK: lost marks in {', '.join(failed)}"
    return Row(exercise.id, name, report.score, report.max_score, not failed, verdict)


def _judge_wrong(exercise: Exercise, variant: Variant, report: Report) -> Row:
    part = exercise.part(variant.part)
    own = [r for r in report.results if r.part == part.number]
    failed = [r for r in own if r.outcome is not Outcome.PASSED]
    named = any(h.mistake == variant.name for r in failed for h in r.hints)
    bugs = [r.key for r in report.results if r.outcome is Outcome.GRADER_ERROR]
    if bugs:
        return Row(exercise.id, variant.name, report.score, report.max_score, False,
                   f"WEAK: grader error in {', '.join(bugs)}")
    if not failed:
        return Row(exercise.id, variant.name, report.score, report.max_score, False,
                   f"WEAK: passes every check of part {part.number}")
    if not named:
        return Row(exercise.id, variant.name, report.score, report.max_score, False,
                   f"WEAK: caught by {', '.join(r.key for r in failed)} but its hint is never shown")
    return Row(exercise.id, variant.name, report.score, report.max_score, True,
               f"caught by {', '.join(r.key for r in failed)}, hint shown")


HEADER = f"{'exercise':18} {'graded':30} {'score':>10} verdict"


def render_row(row: Row) -> str:
    return f"{row.exercise:18} {row.variant:30} {row.score:>5g}/{row.max_score:<4g} {row.verdict}"
