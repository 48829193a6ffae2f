"""Find exercises: every module ``grader/checks/exNN_slug.py`` declares one."""

from __future__ import annotations

import importlib
import pkgutil
import re

from grader import checks
from grader.exercise import Exercise, Part

SPEC = re.compile(r"^(?:ex)?0*(\d+)(?:_[a-z0-9_]+)?(?:\.(\d+))?$")


class UnknownExercise(Exception):
    """No exercise (or part) matches what the user asked for."""


def all_exercises() -> list[Exercise]:
    """Every exercise, in topic order (imports the checks modules, never torch)."""
    found = []
    for module in pkgutil.iter_modules(checks.__path__):
        if re.match(r"^ex\d\d_", module.name):
            found.append(importlib.import_module(f"{checks.__name__}.{module.name}").EXERCISE)
    return sorted(found, key=lambda e: e.topic)


def by_topic() -> dict[int, Exercise]:
    return {e.topic: e for e in all_exercises()}


def find(spec: str) -> tuple[Exercise, Part | None]:
    """Resolve ``25``, ``25.2``, ``ex25_lstm`` or ``ex25_lstm.2`` to an exercise and part."""
    match = SPEC.match(spec.strip())
    if not match:
        raise UnknownExercise(f"'{spec}' is not an exercise: use a topic number like 25 or a part like 25.2")
    topic, part = int(match.group(1)), match.group(2)
    exercise = by_topic().get(topic)
    if exercise is None:
        available = ", ".join(str(t) for t in by_topic())
        raise UnknownExercise(f"topic {topic} has no exercise (exercises exist for topics {available})")
    if spec.startswith("ex") and not spec.split(".")[0] == exercise.id:
        raise UnknownExercise(f"unknown exercise '{spec.split('.')[0]}' (did you mean {exercise.id}?)")
    if part is None:
        return exercise, None
    try:
        return exercise, exercise.part(f"{topic}.{int(part)}")
    except KeyError:
        parts = ", ".join(p.number for p in exercise.parts)
        raise UnknownExercise(f"exercise {topic} has no part {topic}.{part} (its parts: {parts})") from None
