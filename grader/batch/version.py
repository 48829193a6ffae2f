"""The grader version a result depends on: a hash of the code and course files that grade an exercise.

It covers the grader package (its Python files and topics.toml, but not the checks and
drivers of other exercises), the exercise's checks module and drivers, its stub
(parameter names in the feedback), its reference and catalogue of mistakes (the hints),
and the NumPy and torch versions the oracles ran on. Changing exercise 20's checks
regrades exercise 20 only; changing the grader itself regrades everything.
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

from grader.exercise import Exercise

PACKAGE = Path(__file__).resolve().parent.parent
PER_EXERCISE = ("checks", "drivers")
SOURCES = (".py", ".toml")  # code and the topics' titles; not the paper and site templates


def grader_version(exercise: Exercise) -> str:
    """A sha256 hex digest that changes whenever anything grading ``exercise`` changes."""
    files = [(PACKAGE, PACKAGE / "checks" / f"{exercise.id}.py")]
    if exercise.drivers:
        files.append((PACKAGE, PACKAGE / "drivers" / f"{exercise.drivers}.py"))
    course = [exercise.stub_path, exercise.reference_path]
    if exercise.catalogue_dir.is_dir():
        course += sorted(exercise.catalogue_dir.glob("*.py"))
    files += [(exercise.course, path) for path in course]
    digest = hashlib.sha256(_core().encode())
    for root, path in files:
        digest.update(_file_digest(path, root).encode())
    return digest.hexdigest()


@cache
def _core() -> str:
    """The digest of the grader package without per-exercise files, and of the libraries' versions."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if (path.is_file() and path.suffix in SOURCES and "__pycache__" not in relative.parts
                and not (relative.parts[0] in PER_EXERCISE and relative.name != "__init__.py")):
            digest.update(_file_digest(path, PACKAGE).encode())
    for library in ("numpy", "torch"):
        digest.update(f"{library}=={_version(library)}\n".encode())
    return digest.hexdigest()


def _file_digest(path: Path, root: Path) -> str:
    try:
        content = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        content = "absent"
    return f"{path.relative_to(root).as_posix()} {content}\n"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"
