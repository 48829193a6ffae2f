"""``grade exam``: a mock exam on one ticket drawn the way the teachers' generator draws them.

The ticket comes from ``exam_pool.Pool.draw`` (two theory questions from different topics
and one practical part). The student answers on paper while a countdown runs, then the
practical part is graded in their ``work/`` file and the theory answer keys are shown for
self-marking. The result is appended to the progress file under "exams".
"""

from __future__ import annotations

import select
import sys
import time
from dataclasses import asdict, dataclass

import click

from grader.papers import Header

QUESTION_POINTS, TASK_POINTS = Header.question_points, Header.task_points  # as printed tickets have by default


@dataclass(frozen=True)
class ExamResult:
    date: str
    seed: int
    questions: tuple[str, ...]
    task: str
    theory_marks: tuple[int, ...]
    practical_score: float
    practical_max: float

    @property
    def total(self) -> float:
        practical = TASK_POINTS * self.practical_score / self.practical_max if self.practical_max else 0.0
        return round(sum(self.theory_marks) + practical, 1)

    @property
    def max_total(self) -> int:
        return QUESTION_POINTS * len(self.questions) + TASK_POINTS

    def as_record(self) -> dict:
        return {**asdict(self), "total": self.total, "max_total": self.max_total}


def wait_for_enter(minutes: int) -> bool:
    """Wait until Enter is pressed or the time is up (True if it is); a live countdown on a terminal."""
    if minutes <= 0 or not sys.stdin.isatty():
        click.prompt("Press Enter when you are done", default="", show_default=False)
        return False
    deadline = time.monotonic() + 60 * minutes
    while (left := deadline - time.monotonic()) > 0:
        click.echo(f"\r{int(left) // 60:02d}:{int(left) % 60:02d} left; press Enter when you are done ", nl=False)
        ready, _, _ = select.select([sys.stdin], [], [], min(1.0, left))
        if ready:
            sys.stdin.readline()
            click.echo()
            return False
    click.echo("\nTime is up.")
    return True

