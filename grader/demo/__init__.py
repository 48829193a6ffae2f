"""``grade demo``: grade a shipped submission with a classic mistake, as a student would see it."""

from __future__ import annotations

from pathlib import Path

from grader import catalog, engine, report
from grader.results import Outcome

SUBMISSION = Path(__file__).with_name("ex07_softmax_ce.py")
EXPECTED_MISTAKE = "wrong_no_max_shift"
NEXT_STEP = "`grade exercise 7` creates work/ex07_softmax_ce.py from the stub for you to fill in."


def run() -> tuple[str, bool]:
    """The feedback text, and whether the grader behaved as intended on the demo."""
    exercise, _ = catalog.find("7")
    result = engine.grade(exercise, engine.Submission((SUBMISSION,)))
    # parts not written (the student edition strips the demo to its mistaken softmax) are no failure
    failed = [r for r in result.results if r.outcome in (Outcome.FAILED, Outcome.ERROR, Outcome.GRADER_ERROR)]
    as_intended = bool(failed) and all(
        r.function == "softmax" and any(h.mistake == EXPECTED_MISTAKE for h in r.hints) for r in failed)
    return report.render_text(result), as_intended
