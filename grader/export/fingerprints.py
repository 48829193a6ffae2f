"""Fingerprints of the catalogue's wrong variants: how the student edition names mistakes without their code.

``grade export`` grades every wrong variant at the edition's seed (0, what ``grade exercise N``
uses) with a ``Recorder`` as the engine's matcher. For each check of its part that a variant
fails, two digests of what the catalogue's matcher compares are stored (at each precision,
below): of the failing call with the variant's outcome on it, and of that together with the
variant's outcomes on the exercise's probe inputs. In the edition, ``FingerprintMatcher`` computes the same digests from
the student's code and shows the hints of the variants whose digests agree. At another seed
the inputs differ, so no hints are shown.

Floats are rounded before hashing, to 10, 7 and 4 significant digits of the largest magnitude
in their array, and digests are kept at each precision: the finest precision at which some
mistake's digests agree decides, so that a mistake differing from another by one part in 10^8
is told apart, while the same mistake computed in another order (or in float32) still
matches. Digests are one-way: the file gives away neither a variant's code nor its outputs
(an output close to the right one would give away the right answer at the default seed).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Any

import numpy as np

from grader.exercise import Exercise
from grader.mistakes import Outcome, Variant, catalogue
from grader.wire import TensorValue

FILE = Path("grader") / "fingerprints.json"  # relative to the edition's course root
FORMAT = 1
DIGITS = (10, 7, 4)  # significant digits kept, relative to an array's largest magnitude; finest first


@dataclasses.dataclass(frozen=True, order=True)
class Fingerprint:
    """Per precision of DIGITS: the digest of the failing call with its outcome, and of that with the probes'."""

    digests: tuple[tuple[str, str], ...]


def call_digest(call: Any, observed: Outcome, digits: int) -> str:
    """Digest of a ``grader.student.Call`` and its outcome, numbers rounded to ``digits`` significant digits."""
    h = hashlib.sha256()
    _feed(h, (call.function, call.driver, call.receiver, call.args, call.kwargs, observed), digits)
    return h.hexdigest()[:16]


def _probes_digest(first: str, outcomes: list[Outcome], digits: int) -> str:
    h = hashlib.sha256(first.encode())
    _feed(h, outcomes, digits)
    return h.hexdigest()[:16]


def _probe_outcomes(exercise: Exercise, part: str, student_call: Any, rng: np.random.Generator) -> list[Outcome]:
    probe = exercise.probes.get(part)
    return [student_call(*args) for args in probe(rng)] if probe else []


def _feed(h: Any, value: Any, digits: int) -> None:
    """Add a canonical encoding of ``value`` to the hash ``h``: numbers rounded, containers walked."""
    if isinstance(value, TensorValue):  # device and requires_grad aside, as the catalogue compares
        _tag(h, "tensor")
        _feed(h, value.array, digits)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):  # the wire's markers
        _tag(h, type(value).__name__)
        for field in dataclasses.fields(value):
            _feed(h, getattr(value, field.name), digits)
    elif value is None:
        _tag(h, "none")
    elif isinstance(value, str):
        _tag(h, "str")
        _tag(h, value)
    elif isinstance(value, dict):
        _tag(h, f"dict{len(value)}")
        for key in sorted(value, key=repr):
            _feed(h, key, digits)
            _feed(h, value[key], digits)
    elif isinstance(value, (list, tuple)):
        _tag(h, f"seq{len(value)}")
        for item in value:
            _feed(h, item, digits)
    else:
        array = np.asarray(value) if isinstance(value, (bool, int, float, np.generic, np.ndarray)) else None
        if array is not None and array.dtype.kind in "biuf":
            _tag(h, f"number{array.shape}")
            h.update(_rounded(array, digits))
        else:
            _tag(h, f"other:{type(value).__name__}")


def _tag(h: Any, text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    h.update(len(data).to_bytes(8, "little") + data)


def _rounded(array: np.ndarray, digits: int) -> bytes:
    x = array.astype(np.float64)
    finite = np.isfinite(x)
    scale = float(np.max(np.abs(x[finite]))) if finite.any() else 0.0
    scale = scale or 1.0
    codes = np.zeros(x.shape, dtype="<i8")
    with np.errstate(all="ignore"):
        codes[finite] = np.rint(x[finite] / scale * 10**digits)
    codes[np.isnan(x)] = 3 * 10**digits  # outside the range of rounded finite values
    codes[np.isposinf(x)] = 4 * 10**digits
    codes[np.isneginf(x)] = -4 * 10**digits
    return f"{scale:.{digits}g}".encode() + codes.tobytes()


class Recorder:
    """The engine's matcher while the export grades one wrong variant: records its failures' fingerprints."""

    def __init__(self, exercise: Exercise, variant: Variant) -> None:
        self.exercise = exercise
        self.variant = variant
        self.fingerprints: set[Fingerprint] = set()

    def candidates(self, part: str) -> list[Variant]:
        return [self.variant] if part == self.variant.part else []

    def match(self, part: str, call: Any, observed: Outcome, student_call: Any, rng: np.random.Generator,
              constructed: dict[int, Any] | None = None) -> list[Variant]:
        outcomes = _probe_outcomes(self.exercise, part, student_call, rng)
        firsts = [(digits, call_digest(call, observed, digits)) for digits in DIGITS]
        self.fingerprints.add(Fingerprint(tuple((first, _probes_digest(first, outcomes, digits))
                                                for digits, first in firsts)))
        return [self.variant]


class FingerprintMatcher:
    """The student edition's matcher: the variants whose stored fingerprints the student's outcomes reproduce."""

    def __init__(self, exercise: Exercise, known: dict[str, list[tuple[Variant, Fingerprint]]]) -> None:
        self.exercise = exercise
        self.known = known  # part -> (variant, one of its fingerprints)

    @classmethod
    def load(cls, exercise: Exercise, seed: int) -> FingerprintMatcher:
        """The fingerprints stored for ``exercise`` at ``seed``; none when the file is missing or for another seed."""
        path = exercise.course / FILE
        known: dict[str, list[tuple[Variant, Fingerprint]]] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if (data["format"], data["digits"], data["seed"]) != (FORMAT, list(DIGITS), seed):
                return cls(exercise, {})
            for entry in data["exercises"].get(exercise.id, []):
                variant = Variant(exercise.id, entry["mistake"], path, entry["part"], entry["title"],
                                  tuple(entry["hints"]))
                known.setdefault(variant.part, []).extend(
                    (variant, Fingerprint(tuple(zip(flat[::2], flat[1::2], strict=True))))
                    for flat in entry["fingerprints"])
        except (OSError, ValueError, KeyError, TypeError):  # no file, or not ours: no hints rather than wrong ones
            return cls(exercise, {})
        return cls(exercise, known)

    def candidates(self, part: str) -> list[Variant]:
        return list(dict.fromkeys(variant for variant, _ in self.known.get(part, [])))

    def match(self, part: str, call: Any, observed: Outcome, student_call: Any, rng: np.random.Generator,
              constructed: dict[int, Any] | None = None) -> list[Variant]:
        """Like ``MistakeMatcher.match``, at the finest precision where some mistake agrees.

        The probes run only once the failing call itself agrees with some mistake's.
        """
        outcomes = None
        for level, digits in enumerate(DIGITS):
            first = call_digest(call, observed, digits)
            agreeing = [(variant, fp) for variant, fp in self.known.get(part, []) if fp.digests[level][0] == first]
            if agreeing:
                outcomes = _probe_outcomes(self.exercise, part, student_call, rng) if outcomes is None else outcomes
                full = _probes_digest(first, outcomes, digits)
                matched = list(dict.fromkeys(variant for variant, fp in agreeing if fp.digests[level][1] == full))
                if matched:
                    return matched
        return []


def record(exercise: Exercise, seed: int) -> list[tuple[Variant, list[Fingerprint]]]:
    """Grade each wrong variant of ``exercise`` at ``seed`` (on the CPU); the fingerprints of its failures."""
    from grader.engine import Submission, grade

    recorded = []
    for variant in catalogue(exercise):
        if variant.is_wrong:
            recorder = Recorder(exercise, variant)
            grade(exercise, Submission((exercise.reference_path, variant.path)), seed=seed, device="cpu",
                  matcher=recorder)
            recorded.append((variant, sorted(recorder.fingerprints)))
    return recorded


def to_json(seed: int, recorded: dict[str, list[tuple[Variant, list[Fingerprint]]]]) -> bytes:
    """The fingerprints file: per exercise id, each wrong variant's title, hints and fingerprints."""
    data = {"format": FORMAT, "digits": list(DIGITS), "seed": seed, "exercises": {
        exercise_id: [{"mistake": v.name, "part": v.part, "title": v.title, "hints": list(v.hints),
                       "fingerprints": [[d for pair in fp.digests for d in pair] for fp in fingerprints]}
                      for v, fingerprints in variants]
        for exercise_id, variants in sorted(recorded.items())}}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()
