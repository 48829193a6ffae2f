"""The catalogue of known solutions and mistakes, and matching a failure to a mistake.

``solutions/<id>.py`` is the reference; ``solutions/<id>/alt_*.py`` are correct
alternatives and ``solutions/<id>/wrong_*.py`` known mistakes, each overriding only the
functions it changes (see ``solutions/README.md``). When a student's output is wrong,
the matcher runs each wrong variant of that part on the same input (and on the
exercise's probe inputs) in this process; if the student's outputs agree with a
variant's every time, that variant's hints are shown. The student edition has no
``solutions/``: there the same comparison is made against stored fingerprints of the
variants' outcomes (``grader.export.fingerprints``); ``matcher_for`` picks the matcher.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from grader.exercise import Exercise
from grader.wire import AsTensor, Defined, Handle, Helper, Rng, TensorValue


@dataclass(frozen=True)
class Variant:
    """A catalogued solution: an alternative (correct) or a wrong variant with hints."""

    exercise_id: str
    name: str  # file stem, e.g. "wrong_no_max_shift"
    path: Path
    part: str | None = None
    title: str = ""
    hints: tuple[str, ...] = ()

    @property
    def is_wrong(self) -> bool:
        return self.name.startswith("wrong_")


class CatalogueError(Exception):
    """A catalogue file is malformed (missing PART/TITLE/HINTS, unknown part)."""


def catalogue(exercise: Exercise) -> list[Variant]:
    """The exercise's alternatives and wrong variants, in file-name order."""
    folder = exercise.catalogue_dir
    if not folder.is_dir():
        return []
    variants = []
    for path in sorted(folder.glob("*.py")):
        if path.stem.startswith("alt_"):
            variants.append(Variant(exercise.id, path.stem, path))
        elif path.stem.startswith("wrong_"):
            variants.append(_wrong_variant(exercise, path))
    return variants


def _wrong_variant(exercise: Exercise, path: Path) -> Variant:
    constants = _literal_constants(path)
    missing = {"PART", "TITLE", "HINTS"} - constants.keys()
    if missing:
        raise CatalogueError(f"{path}: a wrong variant needs {', '.join(sorted(missing))}")
    if constants["PART"] not in exercise.part_names:
        raise CatalogueError(f"{path}: PART {constants['PART']!r} is not a part of {exercise.id}")
    hints = tuple(constants["HINTS"])
    if not 2 <= len(hints) <= 3:
        raise CatalogueError(f"{path}: HINTS needs 2 or 3 levels, has {len(hints)}")
    return Variant(exercise.id, path.stem, path, constants["PART"], constants["TITLE"], hints)


def _literal_constants(path: Path) -> dict[str, Any]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    constants = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                constants[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return constants


def load_namespace(files: list[Path]) -> dict[str, Any]:
    """Execute trusted solution files into one namespace, as the worker does for a submission."""
    namespace: dict[str, Any] = {"__name__": "catalogue_variant"}
    for path in files:
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), namespace)
    return namespace


Outcome = tuple[str, Any]  # ("value", result) or ("error", "TypeName: message")


class Matcher(Protocol):
    """Tells which known mistakes, if any, explain a student's wrong output (see ``MistakeMatcher.match``)."""

    def candidates(self, part: str) -> list[Variant]: ...

    def match(self, part: str, call: Any, observed: Outcome, student_call: Callable[..., Outcome],
              rng: np.random.Generator, constructed: dict[int, Any] | None = None) -> list[Variant]: ...


def matcher_for(exercise: Exercise, seed: int) -> Matcher:
    """The catalogue's matcher where ``solutions/`` has the exercise; else the stored fingerprints for ``seed``."""
    if exercise.catalogue_dir.is_dir():
        return MistakeMatcher(exercise)
    from grader.export.fingerprints import FingerprintMatcher

    return FingerprintMatcher.load(exercise, seed)


class MistakeMatcher:
    """Tells which catalogued mistake, if any, explains a student's wrong output."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self._variants = [v for v in catalogue(exercise) if v.is_wrong]
        self._namespaces: dict[str, dict[str, Any]] = {}

    def candidates(self, part: str) -> list[Variant]:
        return [v for v in self._variants if v.part == part]

    def match(self, part: str, call: Any, observed: Outcome, student_call: Callable[..., Outcome],
              rng: np.random.Generator, constructed: dict[int, Any] | None = None) -> list[Variant]:
        """Variants whose outcomes agree with the student's on the failing call and on probes.

        ``call`` is a ``grader.student.Call``; ``observed`` is what the student's code gave
        for it; ``student_call(*args)`` runs the student's function on a probe;
        ``constructed`` says how each object the call refers to was built in the worker.
        """
        built = constructed or {}
        matches = [v for v in self.candidates(part) if same_outcome(self._run(v, call, built), observed)]
        probe = self.exercise.probes.get(part)
        for probe_args in probe(rng) if probe and matches else []:
            seen = student_call(*probe_args)
            replay = dataclasses.replace(call, args=probe_args, kwargs={})
            matches = [v for v in matches if same_outcome(self._run(v, replay, built), seen)]
        return matches

    def _run(self, variant: Variant, call: Any, constructed: dict[int, Any]) -> Outcome:
        """Replay the student's call on the variant: its objects rebuilt, drivers run here."""
        if variant.name not in self._namespaces:
            self._namespaces[variant.name] = load_namespace([self.exercise.reference_path, variant.path])
        namespace = self._namespaces[variant.name]
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            try:
                live = _Replay(namespace, constructed, self._drivers())
                if call.receiver is not None:
                    function = getattr(live.value(call.receiver), call.function)
                else:
                    function = getattr(live.drivers, call.function) if call.driver else namespace[call.function]
                result = function(*live.value(call.args), **live.value(call.kwargs))
                return ("value", _as_data(result))
            except Exception as e:  # noqa: BLE001 - a wrong variant may well raise
                return ("error", f"{type(e).__name__}: {e}")


    def _drivers(self) -> Any:
        name = self.exercise.drivers
        return importlib.import_module(f"grader.drivers.{name}") if name else None


class _Replay:
    """Turns the wire's markers back into live values for a variant running in this process."""

    def __init__(self, namespace: dict[str, Any], constructed: dict[int, Any], drivers: Any) -> None:
        self.namespace = namespace
        self.constructed = constructed
        self.drivers = drivers
        self.objects: dict[int, Any] = {}

    def value(self, value: Any) -> Any:
        if isinstance(value, Rng):
            return np.random.default_rng(value.seed)
        if isinstance(value, Defined):
            return self.namespace[value.name]
        if isinstance(value, Helper):
            return getattr(self.drivers, value.factory)(*self.value(value.args))
        if isinstance(value, Handle):
            if value.id not in self.objects:
                recipe = self.constructed[value.id]
                cls = self.namespace[recipe.function]
                self.objects[value.id] = cls(*self.value(recipe.args), **self.value(recipe.kwargs))
            return self.objects[value.id]
        if isinstance(value, AsTensor):
            import torch

            return torch.from_numpy(np.array(value.array))
        if isinstance(value, (list, tuple)):
            return type(value)(self.value(v) for v in value)
        if isinstance(value, dict):
            return {k: self.value(v) for k, v in value.items()}
        return value


def _as_data(value: Any) -> Any:
    """Tensors as the worker would send them: arrays with their metadata."""
    if type(value).__module__.startswith("torch") and hasattr(value, "detach"):
        return TensorValue(value.detach().cpu().numpy(), str(value.device), bool(value.requires_grad))
    if isinstance(value, (list, tuple)):
        return type(value)(_as_data(v) for v in value)
    if isinstance(value, dict):
        return {k: _as_data(v) for k, v in value.items()}
    return value


def same_outcome(a: Outcome, b: Outcome) -> bool:
    """Whether two outcomes agree: same error, or values equal up to rounding (NaN == NaN)."""
    if a[0] != b[0]:
        return False
    return a[1] == b[1] if a[0] == "error" else _same_value(a[1], b[1])


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, TensorValue) and isinstance(b, TensorValue):
        return _same_value(a.array, b.array)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same_value(a[k], b[k]) for k in a)
    if a is None or b is None:
        return a is b
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(_same_value(x, y) for x, y in zip(a, b, strict=True))
    try:
        x, y = np.asarray(a), np.asarray(b)
    except Exception:  # noqa: BLE001
        return False
    if x.shape != y.shape or x.dtype.kind not in "biuf" or y.dtype.kind not in "biuf":
        return False
    with np.errstate(all="ignore"):
        return bool(np.allclose(x, y, rtol=1e-7, atol=1e-9, equal_nan=True))
