"""Reading a student's zip without trusting it: every entry is checked before anything is read.

A zip is refused whole, with a one-line reason, when an entry's name is absolute or
climbs out of the folder with ``..``, when an entry is a symbolic link or encrypted, or
when it would unpack to too much (``MAX_TOTAL_BYTES``), hold too many entries or expand
one entry too many times (``MAX_RATIO``): a zip bomb. Nothing is ever written to disk;
the wanted files are then read into memory, each at most ``MAX_FILE_BYTES`` whatever its
header claims.
"""

from __future__ import annotations

import re
import stat
import zipfile
from pathlib import Path, PurePosixPath

MAX_ARCHIVE_BYTES = 64 << 20  # the zip file itself
MAX_TOTAL_BYTES = 64 << 20  # everything it would unpack to
MAX_ENTRIES = 2000
MAX_RATIO = 100  # unpacked / packed size of one entry ...
RATIO_FLOOR = 1 << 20  # ... for entries over 1 MiB (a small file cannot be a bomb)
MAX_FILE_BYTES = 1 << 20  # one submitted file; a solution is a few kB
_DRIVE = re.compile(r"^[A-Za-z]:")


class UnsafeZip(Exception):
    """The zip is refused; the message says why in one line."""


class FileTooLarge(Exception):
    """A wanted file is larger than ``MAX_FILE_BYTES``."""


def open_checked(path: Path) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    """The open archive and its file entries (folders left out), or UnsafeZip naming the first problem."""
    size = path.stat().st_size
    if size > MAX_ARCHIVE_BYTES:
        raise UnsafeZip(f"the zip is {_size(size)}, more than {_size(MAX_ARCHIVE_BYTES)}")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as e:
        raise UnsafeZip(f"not a readable zip file ({e})") from None
    try:
        return archive, _checked(archive.infolist())
    except UnsafeZip:
        archive.close()
        raise


def _checked(entries: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    if len(entries) > MAX_ENTRIES:
        raise UnsafeZip(f"it has {len(entries)} entries, more than {MAX_ENTRIES}")
    total = 0
    for entry in entries:
        name = entry.filename
        parts = name.replace("\\", "/").split("/")
        if name.startswith(("/", "\\")) or _DRIVE.match(name):
            raise UnsafeZip(f"entry '{name}' has an absolute path")
        if ".." in parts:
            raise UnsafeZip(f"entry '{name}' climbs out of the folder")
        if stat.S_ISLNK(entry.external_attr >> 16):
            raise UnsafeZip(f"entry '{name}' is a symbolic link")
        if entry.flag_bits & 0x1:
            raise UnsafeZip(f"entry '{name}' is encrypted")
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise UnsafeZip(f"entry '{name}' expands {entry.file_size // max(entry.compress_size, 1)} times "
                            f"(more than {MAX_RATIO}): a zip bomb?")
        total += entry.file_size
        if total > MAX_TOTAL_BYTES:
            raise UnsafeZip(f"it unpacks to more than {_size(MAX_TOTAL_BYTES)}: a zip bomb?")
    return [entry for entry in entries if not entry.is_dir()]


def inner_path(entry: zipfile.ZipInfo) -> PurePosixPath:
    """The entry's path inside the zip, with forward slashes."""
    return PurePosixPath(entry.filename.replace("\\", "/"))


def read(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    """The entry's bytes, reading at most ``MAX_FILE_BYTES`` + 1; UnsafeZip if the data is damaged."""
    if entry.file_size > MAX_FILE_BYTES:
        raise FileTooLarge(entry.filename)
    try:
        with archive.open(entry) as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as e:
        raise UnsafeZip(f"entry '{entry.filename}' cannot be read ({e})") from None
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLarge(entry.filename)
    return data


def _size(n: int) -> str:
    return f"{n / (1 << 20):.0f} MiB" if n >= 1 << 20 else f"{n} bytes"
