"""The student's workspace (``work/``) and the progress file kept in it.

Stubs are copied into ``work/`` on first use and never overwritten afterwards. The
progress file is replaced atomically (write a temporary file, fsync, rename), so a
crash or Ctrl-C leaves either the old or the new version, never a torn one.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from grader import paths
from grader.exercise import Exercise
from grader.results import Report

PROGRESS_FILE = ".progress.json"


def student_file(exercise: Exercise) -> tuple[Path, bool]:
    """The student's copy of the exercise, created from the stub if missing; and whether it was."""
    target = paths.workspace() / exercise.stub_path.name
    if target.exists():
        return target, False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(exercise.stub_path, target)
    return target, True


def load_progress() -> dict[str, Any]:
    path = paths.workspace() / PROGRESS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        # unreadable: keep it aside rather than overwrite what the student had
        path.replace(path.with_name(f"{PROGRESS_FILE}.broken-{int(time.time())}"))
        return {}
    return data.get("exercises", {}) if isinstance(data, dict) else {}


def record(report: Report) -> None:
    """Remember the latest score of an exercise."""
    progress = load_progress()
    entry = progress.get(report.exercise_id, {})
    progress[report.exercise_id] = {
        "score": report.score,
        "max_score": report.max_score,
        "parts": report.part_scores(),
        "attempts": int(entry.get("attempts", 0)) + 1,
        "graded_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    write_atomically(paths.workspace() / PROGRESS_FILE, json.dumps({"version": 1, "exercises": progress},
                                                                   ensure_ascii=False, indent=2))


def write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
