"""Writing generated documents: all files of a request or none, never a half-written one.

Each file is written to a temporary name beside its target and renamed into place only
after every file of the request has been written, so a failure (a full disk, an
unwritable folder, Ctrl-C) leaves the previous versions, or nothing, behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """An output path cannot be written; the message names it."""


def check_writable(folder: Path) -> None:
    """OutputError unless ``folder`` is, or can be created as, a writable folder (nothing is created)."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputError(f"cannot create output folder {folder}: {existing} is not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError(f"output folder {existing} is not writable")


def writable_folder(folder: Path) -> Path:
    """``folder``, created if missing; OutputError if it cannot hold new files."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"cannot create output folder {folder}: {e.strerror or e}") from None
    if not folder.is_dir():
        raise OutputError(f"output path {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"output folder {folder} is not writable")
    return folder


def write_files(files: dict[Path, bytes]) -> None:
    """Write every file, or leave every target as it was."""
    for target in files:
        if target.is_dir():
            raise OutputError(f"output path {target} is a folder")
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in files.items():
            writable_folder(target.parent)
            fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            staged.append((temporary, target))
            os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; a document is as readable as any file
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as e:
        raise OutputError(f"cannot write {e.filename or 'the output'}: {e.strerror or e}") from None
    finally:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
