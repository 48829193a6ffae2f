"""Finding each student's files in a teacher's submissions folder.

Every folder or ``.zip`` directly in the folder is one student, named by it (``alice/``,
``alice.zip``); hidden entries are ignored, anything else is skipped with a note. Inside,
a file counts when it is named as in ``exercises/`` (``ex07_softmax_ce.py``), at any
depth, so a zip of a folder or an LMS download works as it is. Two files of one name,
a symbolic link or a file over ``zipsafe.MAX_FILE_BYTES`` make that exercise ungradable
for that student; an unsafe zip refuses the student whole (``zipsafe``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from grader.batch import zipsafe

IGNORED = ("__MACOSX", "__pycache__")
RESERVED = ("gradebook.csv",)  # names the results folder uses for itself


@dataclass(frozen=True)
class StudentFiles:
    """What one student submitted for the exercises being graded."""

    student: str
    origin: str  # "alice/" or "alice.zip", as the teacher's folder names it
    files: dict[str, bytes] = field(default_factory=dict)  # exercise id -> the file's bytes
    problems: dict[str, str] = field(default_factory=dict)  # exercise id -> why its file cannot be graded
    refused: str = ""  # why the whole submission is refused (an unsafe zip)


def discover(folder: Path, exercise_ids: Iterable[str]) -> tuple[list[StudentFiles], list[str]]:
    """Every student in ``folder``, sorted by name, and a note for each entry that is no student."""
    wanted = {f"{exercise_id}.py": exercise_id for exercise_id in exercise_ids}
    students: dict[str, StudentFiles] = {}
    notes: list[str] = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            notes.append(f"{entry.name}: skipped, a symbolic link")
        elif entry.is_dir():
            _add(students, notes, _from_folder(entry, wanted))
        elif entry.suffix.lower() == ".zip" and entry.is_file():
            _add(students, notes, _from_zip(entry, wanted))
        else:
            notes.append(f"{entry.name}: skipped, neither a student's folder nor a .zip")
    return [students[name] for name in sorted(students)], notes


def _add(students: dict[str, StudentFiles], notes: list[str], found: StudentFiles) -> None:
    if found.student in RESERVED:
        notes.append(f"{found.origin}: skipped, {found.student} is a name the results folder uses")
    elif found.student in students:
        other = students[found.student].origin
        students[found.student] = StudentFiles(found.student, f"{other} and {found.origin}",
                                               refused=f"both {other} and {found.origin} are this student's")
    else:
        students[found.student] = found


def _from_folder(folder: Path, wanted: dict[str, str]) -> StudentFiles:
    found: dict[str, list[Path]] = {}
    for directory, subfolders, names in os.walk(folder):  # symbolic links to folders are not followed
        subfolders[:] = sorted(d for d in subfolders if not _ignored(d))
        for name in sorted(names):
            if name in wanted:
                found.setdefault(wanted[name], []).append(Path(directory) / name)
    files, problems = {}, {}
    for exercise_id, paths in found.items():
        relative = [p.relative_to(folder.parent).as_posix() for p in paths]
        if len(paths) > 1:
            problems[exercise_id] = _duplicates(relative)
        elif paths[0].is_symlink():
            problems[exercise_id] = f"{relative[0]} is a symbolic link"
        else:
            try:
                files[exercise_id] = _read_file(paths[0])
            except zipsafe.FileTooLarge:
                problems[exercise_id] = f"{relative[0]} is larger than {zipsafe.MAX_FILE_BYTES >> 10} kB"
            except OSError as e:
                problems[exercise_id] = f"{relative[0]} cannot be read ({e.strerror})"
    return StudentFiles(folder.name, f"{folder.name}/", files, problems)


def _from_zip(path: Path, wanted: dict[str, str]) -> StudentFiles:
    student, origin = path.stem, path.name
    try:
        archive, entries = zipsafe.open_checked(path)
    except zipsafe.UnsafeZip as e:
        return StudentFiles(student, origin, refused=str(e))
    with archive:
        found: dict[str, list] = {}
        for entry in entries:
            inner = zipsafe.inner_path(entry)
            if inner.name in wanted and not any(_ignored(part) for part in inner.parts[:-1]):
                found.setdefault(wanted[inner.name], []).append(entry)
        files, problems = {}, {}
        for exercise_id, members in found.items():
            names = [f"{origin}:{zipsafe.inner_path(m)}" for m in members]
            if len(members) > 1:
                problems[exercise_id] = _duplicates(names)
                continue
            try:
                files[exercise_id] = zipsafe.read(archive, members[0])
            except zipsafe.FileTooLarge:
                problems[exercise_id] = f"{names[0]} is larger than {zipsafe.MAX_FILE_BYTES >> 10} kB"
            except zipsafe.UnsafeZip as e:
                return StudentFiles(student, origin, refused=str(e))
    return StudentFiles(student, origin, files, problems)


def _read_file(path: Path) -> bytes:
    with open(path, "rb") as f:
        data = f.read(zipsafe.MAX_FILE_BYTES + 1)
    if len(data) > zipsafe.MAX_FILE_BYTES:
        raise zipsafe.FileTooLarge(str(path))
    return data


def _duplicates(names: list[str]) -> str:
    return f"{len(names)} files named {PurePath(names[0]).name}: {', '.join(names)}"


def _ignored(name: str) -> bool:
    return name.startswith(".") or name in IGNORED
