"""The result of grading: one record per check, and the report that holds them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path


class Outcome(enum.Enum):
    PASSED = "passed"
    FAILED = "failed"  # a wrong answer
    ERROR = "error"  # the student's code raised, hung, crashed or broke a rule
    NOT_ATTEMPTED = "not attempted"  # the stub's NotImplementedError
    GRADER_ERROR = "grader error"  # a bug on our side, not the student's


@dataclass(frozen=True)
class Hint:
    """A catalogued mistake the student's output matches."""

    mistake: str  # variant id, e.g. "wrong_no_max_shift"
    title: str
    hints: tuple[str, ...]


@dataclass(frozen=True)
class CheckResult:
    key: str  # "7.1.2"
    part: str  # "7.1"
    function: str  # "softmax"
    title: str  # Russian description of the check
    outcome: Outcome
    points: float
    max_points: float
    message: tuple[str, ...] = ()  # Russian: what went wrong
    call: tuple[str, ...] = ()  # the failing input, described
    traceback: str = ""  # the student's own frames only
    hints: tuple[Hint, ...] = ()
    output: str = ""  # what the student's code printed during the check


@dataclass
class Report:
    exercise_id: str
    topic: int
    title: str
    submission: Path
    seed: int
    results: list[CheckResult] = field(default_factory=list)
    elapsed: float = 0.0

    @property
    def score(self) -> float:
        return sum(r.points for r in self.results)

    @property
    def max_score(self) -> float:
        return sum(r.max_points for r in self.results)

    @property
    def full_marks(self) -> bool:
        return all(r.outcome is Outcome.PASSED for r in self.results)

    def part_scores(self) -> dict[str, float]:
        scores: dict[str, float] = {}
        for r in self.results:
            scores[r.part] = scores.get(r.part, 0.0) + r.points
        return scores
