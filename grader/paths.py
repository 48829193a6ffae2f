"""Where the course lives: the repository that holds ``exercises/``, ``solutions/``, ``questions/``.

The grader is installed in editable mode from that repository, so the course root is
the parent of the ``grader`` package. ``DL_EXAM_ROOT`` overrides it (tests use this).
The student's workspace, ``work/``, is git-ignored: course updates never touch it.
"""

from __future__ import annotations

import os
from pathlib import Path


class CourseNotFound(Exception):
    """The grader is not installed next to the course's folders."""


def course_root() -> Path:
    override = os.environ.get("DL_EXAM_ROOT")
    root = Path(override) if override else Path(__file__).resolve().parent.parent
    if not (root / "exercises").is_dir():
        raise CourseNotFound(f"no exercises/ folder in {root}: install the grader with "
                             f"`pip install -e .` from the course repository, or set DL_EXAM_ROOT")
    return root


def workspace() -> Path:
    """The student's own folder (created on first use)."""
    override = os.environ.get("DL_EXAM_WORK")
    return Path(override) if override else course_root() / "work"
