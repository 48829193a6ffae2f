"""How an exercise and its checks are declared.

A checks module (``grader/checks/exNN_slug.py``) builds one ``Exercise`` and registers
checks on it with ``@EXERCISE.check(part, points=..., title=...)``. A check is a plain
function ``check(student, rng)``, or a Hypothesis test ``@given(...) check(student, ...)``;
it calls the student's functions through ``student`` and compares the results with
oracles computed in this process, raising ``grader.compare.Mismatch`` on a wrong answer.
Parts are the exercise's functions, numbered in declaration order (7.1, 7.2, ...).

Rules for check authors:

- Oracles are computed at grade time (``grader.oracles``: torch in float64, autograd),
  never stored; each comparison states its tolerance (``grader.compare`` reports it).
- Checks modules must not import torch at module level: ``grade list`` reads them, and it
  must stay fast. Oracles import torch inside functions.
- Randomness: a check gets its own seeded ``rng`` (or Hypothesis's seeded draws); an
  exercise that needs randomness takes an explicit generator argument
  (``grader.wire.Rng`` arrives in the worker as ``np.random.Generator``). A statistical
  check states its false-reject rate in its docstring, and that rate is at most 1e-6.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import HealthCheck, Verbosity, settings

from grader import paths

NUMPY_ONLY = ("torch", "tensorflow", "jax", "jaxlib", "keras", "scipy", "sklearn", "cupy", "numba")
Probe = Callable[[np.random.Generator], list[tuple[Any, ...]]]

# Reproducible property checks: the engine gives every check its own seed (``--seed``),
# nothing is remembered between runs, and no health check may fail a student.
_GRADING = settings(database=None, deadline=None, derandomize=True, print_blob=False,
                    report_multiple_bugs=False, verbosity=Verbosity.quiet,
                    suppress_health_check=list(HealthCheck))


@dataclass
class Check:
    """One graded check of one part."""

    part: Part
    number: int
    title: str  # Russian: what the check verifies, as the student reads it
    points: float
    function: Callable[..., None]
    cpu_limit: float | None = None
    examples: int = 20  # Hypothesis examples, for property checks

    @property
    def key(self) -> str:
        return f"{self.part.number}.{self.number}"

    @property
    def name(self) -> str:
        return self.function.__name__


@dataclass
class Part:
    """One function the student writes (or a declared group of checks)."""

    exercise: Exercise
    index: int
    name: str
    checks: list[Check] = field(default_factory=list)

    @property
    def number(self) -> str:
        return f"{self.exercise.topic}.{self.index}"

    @property
    def max_score(self) -> float:
        return sum(c.points for c in self.checks)


@dataclass
class Exercise:
    """An exercise: its parts and checks, what it forbids, and where its files live."""

    id: str
    topic: int
    framework: str  # numpy | torch
    part_names: list[str]
    forbidden_modules: tuple[str, ...] = NUMPY_ONLY
    forbidden_names: tuple[str, ...] = ()  # attribute names that are the answer (e.g. "LSTMCell")
    forbid_loops: bool = False  # Python loops and comprehensions are the shortcut (vectorisation exercises)
    # Extra inputs that tell mistakes apart: argument tuples of the part's failing call
    # (of the driver's run, where the part is checked through a driver).
    probes: dict[str, Probe] = field(default_factory=dict)
    drivers: str | None = None  # module of grader/drivers/ whose trusted code checks run in the worker
    root: Path | None = None  # course root; None means the installed course
    parts: list[Part] = field(init=False)

    def __post_init__(self) -> None:
        self.parts = [Part(self, i + 1, name) for i, name in enumerate(self.part_names)]

    def check(self, part: str, *, points: float, title: str, cpu_limit: float | None = None,
              examples: int = 20) -> Callable[[Callable[..., None]], Callable[..., None]]:
        """Register the decorated function as the next check of ``part``."""
        target = self.part(part)

        def register(function: Callable[..., None]) -> Callable[..., None]:
            if getattr(function, "is_hypothesis_test", False):
                function = settings(_GRADING, max_examples=examples)(function)
            target.checks.append(Check(target, len(target.checks) + 1, title, points, function,
                                       cpu_limit, examples))
            return function

        return register

    def part(self, name_or_number: str) -> Part:
        for part in self.parts:
            if name_or_number in (part.name, part.number):
                return part
        raise KeyError(name_or_number)

    @property
    def max_score(self) -> float:
        return sum(p.max_score for p in self.parts)

    @property
    def course(self) -> Path:
        return self.root or paths.course_root()

    @property
    def stub_path(self) -> Path:
        return self.course / "exercises" / f"{self.id}.py"

    @property
    def reference_path(self) -> Path:
        return self.course / "solutions" / f"{self.id}.py"

    @property
    def catalogue_dir(self) -> Path:
        return self.course / "solutions" / self.id
