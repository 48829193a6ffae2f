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


def _module_names() -> dict[int, str]:
    """Checks modules by topic, from their file names alone (nothing imported)."""
    names = (m.name for m in pkgutil.iter_modules(checks.__path__))
    return {int(name[2:4]): name for name in sorted(names) if re.match(r"^ex\d\d_", name)}


def _load(name: str) -> Exercise:
    return importlib.import_module(f"{checks.__name__}.{name}").EXERCISE


def all_exercises() -> list[Exercise]:
    """Every exercise, in topic order (imports the checks modules, never torch)."""
    return [_load(name) for _, name in sorted(_module_names().items())]


def by_topic() -> dict[int, Exercise]:
    return {e.topic: e for e in all_exercises()}


def find(spec: str) -> tuple[Exercise, Part | None]:
    """Resolve ``25``, ``25.2``, ``ex25_lstm`` or ``ex25_lstm.2`` to an exercise and part."""
    match = SPEC.match(spec.strip())
    if not match:
        raise UnknownExercise(f"'{spec}' is not an exercise: use a topic number like 25 or a part like 25.2")
    topic, part = int(match.group(1)), match.group(2)
    names = _module_names()
    if topic not in names:
        available = ", ".join(str(t) for t in names)
        raise UnknownExercise(f"topic {topic} has no exercise (exercises exist for topics {available})")
    exercise = _load(names[topic])
    if spec.startswith("ex") and not spec.split(".")[0] == exercise.id:
        raise UnknownExercise(f"unknown exercise '{spec.split('.')[0]}' (did you mean {exercise.id}?)")
    if part is None:
        return exercise, None
    try:
        return exercise, exercise.part(f"{topic}.{int(part)}")
    except KeyError:
        parts = ", ".join(p.number for p in exercise.parts)
        raise UnknownExercise(f"exercise {topic} has no part {topic}.{part} (its parts: {parts})") from None
