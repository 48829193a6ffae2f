"""One cell of the gradebook (a student's submission of one exercise): status, result and feedback.

Statuses, worst last: ``graded`` (every check reached a verdict), ``error`` (the
student's code raised, hung, crashed or broke a rule in some check), ``invalid`` (the
file cannot be graded at all: syntax error, not UTF-8, duplicated, too large),
``missing`` (no file), ``refused`` (an unsafe zip) and ``grader-error`` (a bug on our
side, never reused by a rerun). The feedback is the text ``grade exercise`` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from grader import report as reports
from grader.exercise import Exercise
from grader.results import Outcome, Report
from grader.topics import topic

STATUSES = ("graded", "error", "invalid", "missing", "refused", "grader-error")


@dataclass(frozen=True)
class Graded:
    """The outcome of one cell, as plain data (it crosses process boundaries)."""

    student: str
    exercise_id: str
    status: str
    message: str  # one line for a cell that was not graded, else ""
    result: dict[str, Any]  # Gradescope's results.json
    feedback: str
    job: tuple[int, int] = field(default=(0, 0), compare=False)  # (pid, how many tasks that job had done)

    @property
    def score(self) -> float:
        return float(self.result["score"])


def from_report(student: str, report: Report) -> Graded:
    outcomes = {r.outcome for r in report.results}
    status = ("grader-error" if Outcome.GRADER_ERROR in outcomes
              else "error" if Outcome.ERROR in outcomes else "graded")
    return Graded(student, report.exercise_id, status, "", reports.gradescope(report),
                  reports.render_text(report) + "\n")


def ungraded(student: str, exercise: Exercise, status: str, message: str) -> Graded:
    """A cell whose file was not graded: missing, invalid, refused, or a grader error."""
    text = (f"Exercise {exercise.topic}: {topic(exercise.topic).title}\n\nerror: {message}\n\n"
            f"Score: 0/{exercise.max_score:g} — {status}\n")
    return Graded(student, exercise.id, status, message, reports.gradescope_error(message, exercise.max_score), text)
