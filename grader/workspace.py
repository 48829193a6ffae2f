"""The student's workspace (``work/``) and the progress file kept in it.

Stubs are copied into ``work/`` on first use and never overwritten afterwards, except by
``grade reset``, which first keeps the student's file in ``work/backups/``. The
progress file holds the last score of each exercise and how many hints ``grade hint``
has shown; it is replaced atomically (write a temporary file, fsync, rename), so a
crash or Ctrl-C leaves either the old or the new version, never a torn one. A writer
killed mid-write may leave its temporary file behind; nothing reads it.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any, BinaryIO

from grader import outputs, paths
from grader.exercise import Exercise
from grader.results import Report

PROGRESS_FILE = ".progress.json"
BACKUPS = "backups"


def student_path(exercise: Exercise) -> Path:
    """Where the student's copy of the exercise lives (it may not exist yet)."""
    return paths.workspace() / exercise.stub_path.name


def student_file(exercise: Exercise) -> tuple[Path, bool]:
    """The student's copy of the exercise, created from the stub if missing; and whether it was."""
    target = student_path(exercise)
    if target.exists():
        return target, False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(exercise.stub_path, target)
    return target, True


def is_modified(exercise: Exercise) -> bool:
    """Whether the student's copy exists and differs from the stub."""
    target = student_path(exercise)
    return target.exists() and target.read_bytes() != exercise.stub_path.read_bytes()


def reset(exercise: Exercise) -> Path | None:
    """Put the stub back in place of the student's copy; where that copy was moved, if it was modified."""
    backup = _back_up(student_path(exercise)) if is_modified(exercise) else None
    student_file(exercise)
    return backup


def _back_up(path: Path) -> Path:
    """Move ``path`` to ``work/backups/<stem>.<local time><suffix>``, never overwriting a backup.

    The copy is written and fsynced before ``path`` is removed, so a crash in between
    leaves both; a name already taken gets a counter (``...T16-20-05-2.py``).
    """
    folder = paths.workspace() / BACKUPS
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{path.stem}.{time.strftime('%Y-%m-%dT%H-%M-%S')}"
    backup, f = _create_new(folder, stem, path.suffix)
    try:
        with f:
            f.write(path.read_bytes())
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        backup.unlink(missing_ok=True)
        raise
    path.unlink()
    return backup


def _create_new(folder: Path, stem: str, suffix: str) -> tuple[Path, BinaryIO]:
    """Create and open the first of ``stem<suffix>``, ``stem-2<suffix>``, ... that does not exist."""
    counter = 1
    while True:
        candidate = folder / f"{stem}{'' if counter == 1 else f'-{counter}'}{suffix}"
        try:
            return candidate, candidate.open("xb")
        except FileExistsError:
            counter += 1


def load_progress() -> dict[str, Any]:
    """The last grading of each exercise, by exercise id."""
    return _load().get("exercises", {})


def hints_shown() -> dict[str, int]:
    """How many hints ``grade hint`` has shown, by ``"<check>:<mistake>"`` (``"7.1.2:wrong_no_max_shift"``)."""
    return section("hints")


def section(name: str) -> Any:
    """One part of the progress file ("quiz", "exams", ...), or {} when there is none yet."""
    return _load().get(name, {})


def save_section(name: str, value: Any) -> None:
    """Replace one part of the progress file, keeping every other."""
    document = _load()
    document[name] = value
    _save(document)


def record(report: Report) -> None:
    """Remember the latest score of an exercise."""
    document = _load()
    progress = document.setdefault("exercises", {})
    entry = progress.get(report.exercise_id, {})
    progress[report.exercise_id] = {
        "score": report.score,
        "max_score": report.max_score,
        "parts": report.part_scores(),
        "attempts": int(entry.get("attempts", 0)) + 1,
        "graded_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    _save(document)


def record_hints(shown: dict[str, int]) -> None:
    """Remember how many hints were shown for each ``"<check>:<mistake>"`` in ``shown``."""
    save_section("hints", {**hints_shown(), **shown})


def _load() -> dict[str, Any]:
    """The whole progress file; every key is kept when it is written back."""
    path = paths.workspace() / PROGRESS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        # unreadable: keep it aside rather than overwrite what the student had
        path.replace(path.with_name(f"{PROGRESS_FILE}.broken-{int(time.time())}"))
        return {}
    return data if isinstance(data, dict) else {}


def _save(document: dict[str, Any]) -> None:
    write_atomically(paths.workspace() / PROGRESS_FILE,
                     json.dumps({"version": 1, **document}, ensure_ascii=False, indent=2))


def write_atomically(path: Path, text: str) -> None:
    outputs.write_files({path: text.encode("utf-8")})
