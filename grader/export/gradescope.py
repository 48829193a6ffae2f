"""Gradescope's autograder bundle: ``autograder.zip`` grading one exercise with the student edition.

Laid out as Gradescope's autograder specification asks: ``setup.sh`` and ``run_autograder``
at the root of the zip (``gradescope_files/``, with a README for the teacher), the
student edition of the exercise's topic in ``dl-exam/`` (no solutions: hints come from its
fingerprints, recorded at the bundle's seed) and ``autograder.conf``, which says what
``run_autograder`` grades. The same exercise, seed and course give a byte-identical zip.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from grader.exercise import Exercise, Part

FILES = Path(__file__).with_name("gradescope_files")
STATIC = ("README.md", "run_autograder", "setup.sh")
EDITION = "dl-exam"  # the edition's folder in the bundle
EXECUTABLE = ("run_autograder", "setup.sh")


def bundle(exercise: Exercise, part: Part | None, seed: int, edition: dict[str, bytes],
           edition_executable: tuple[str, ...]) -> bytes:
    """The zip: Gradescope's scripts, ``autograder.conf`` and the ``edition`` files in ``dl-exam/``."""
    entries = {f"{EDITION}/{name}": data for name, data in edition.items()}
    entries.update({name: (FILES / name).read_bytes() for name in STATIC})
    entries["autograder.conf"] = config(exercise, part, seed).encode()
    executable = set(EXECUTABLE) | {f"{EDITION}/{name}" for name in edition_executable}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o100755 if name in executable else 0o100644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, entries[name])
    return buffer.getvalue()


def config(exercise: Exercise, part: Part | None, seed: int) -> str:
    """``autograder.conf``: shell assignments that ``run_autograder`` sources."""
    return (f"# What run_autograder grades (written by `grade gradescope`).\n"
            f"EXERCISE={part.number if part else exercise.topic}\n"
            f"SUBMISSION={exercise.id}.py\n"
            f"SEED={seed}\n")
