"""The student edition: what students receive, built from the course without its solutions.

It is made from an allow-list: a README for students (``readme``), ``pyproject.toml``,
``constraints.txt``, ``setup.sh`` and ``.gitignore``; the pages of the chosen topics and the
pictures they show; their exercise stubs and ``exercises/data/``; the grader package with
the checks of those topics, and ``grader/fingerprints.json`` (``fingerprints``) in place of
the catalogue. Nothing under ``solutions/``, ``tests/`` or ``benchmarks/`` is read. The
demo submission keeps only its mistake: its other functions, which are right, go back to
``raise NotImplementedError``. Nothing in the course is marked teacher-only; what the
teacher keeps back is the seed they grade at (README, "Student edition and LMS").
"""

from __future__ import annotations

import ast
import re
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import grader
from grader import catalog, demo, outputs, paths
from grader.engine import SubmissionError
from grader.export import fingerprints
from grader.export.readme import ReadmeError, edition_readme
from grader.mistakes import CatalogueError, catalogue

TOP_FILES = ("pyproject.toml", "constraints.txt", "setup.sh", ".gitignore")
EXECUTABLE = ("setup.sh",)
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")  # Markdown images, as the bank checks them
CHECKS_MODULE = re.compile(r"^ex(\d\d)_\w+\.py$")


class ExportError(Exception):
    """The edition cannot be built; the message says why in one line."""


def build(topics: tuple[int, ...], seed: int = 0, log: Callable[[str], None] = print) -> dict[str, bytes]:
    """The edition's files (relative POSIX path -> content) for ``topics``, with fingerprints at ``seed``."""
    root = paths.course_root()
    if not (root / "solutions").is_dir():
        raise ExportError(f"{root} has no solutions/: it is a student edition already; "
                          f"export from the course repository")
    exercises = [e for e in catalog.all_exercises() if e.topic in topics]
    files = {name: (root / name).read_bytes() for name in TOP_FILES}
    version = tomllib.loads(files["pyproject.toml"].decode())["project"]["version"]
    try:
        readme = edition_readme((root / "README.md").read_text(encoding="utf-8"), topics, version)
    except ReadmeError as e:
        raise ExportError(str(e)) from None
    files["README.md"] = readme.encode()
    files.update(_pages(root / "questions", topics))
    files.update({f"exercises/{e.id}.py": e.stub_path.read_bytes() for e in exercises})
    files.update(_tree(root, root / "exercises" / "data"))
    files.update(_package(topics))
    recorded = {}
    for exercise in exercises:
        started = time.monotonic()
        try:
            recorded[exercise.id] = fingerprints.record(exercise, seed)
        except (CatalogueError, SubmissionError) as e:
            raise ExportError(f"{exercise.id}: {e}") from None
        count = sum(len(prints) for _, prints in recorded[exercise.id])
        log(f"{exercise.id}: {len(recorded[exercise.id])} known mistakes, {count} fingerprints "
            f"({time.monotonic() - started:.0f} s)")
        for variant, prints in recorded[exercise.id]:
            if not prints:
                log(f"warning: {exercise.id} {variant.name}: no failure of its part to fingerprint, so its "
                    f"hints will not show (see grade verify {exercise.topic})")
    files[fingerprints.FILE.as_posix()] = fingerprints.to_json(seed, recorded)
    return files


def check_destination(out: Path) -> None:
    """ExportError unless ``out`` is a new or empty folder that can be created (checked before the slow build)."""
    if out.exists() and not (out.is_dir() and not any(out.iterdir())):
        raise ExportError(f"{out} already exists and is not an empty folder: export into a new folder")
    try:
        outputs.check_writable(out)
    except outputs.OutputError as e:
        raise ExportError(str(e)) from None


def write(out: Path, files: dict[str, bytes]) -> None:
    """Write the edition into ``out`` (all files or none, see ``grader.outputs``); ``setup.sh`` stays executable."""
    check_destination(out)
    try:
        outputs.write_files({out / name: data for name, data in files.items()})
        for name in EXECUTABLE:
            (out / name).chmod(0o755)
    except (outputs.OutputError, OSError) as e:
        raise ExportError(str(e)) from None


def _pages(folder: Path, topics: tuple[int, ...]) -> dict[str, bytes]:
    files = {}
    for page in sorted(folder.glob("[0-9][0-9]-*.md")):
        if int(page.name[:2]) in topics:
            text = page.read_text(encoding="utf-8")
            files[f"questions/{page.name}"] = text.encode()
            for source in PICTURE.findall(text):
                if "://" in source:
                    continue
                picture = (folder / source).resolve()
                if not picture.is_file() or not picture.is_relative_to(folder.resolve()):
                    raise ExportError(f"{page}: picture '{source}' is not a file in {folder}")
                files[picture.relative_to(folder.parent.resolve()).as_posix()] = picture.read_bytes()
    return files


def _tree(root: Path, folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` except caches and hidden files, by path relative to ``root``."""
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
            and not any(part.startswith(".") for part in path.relative_to(folder).parts)}


def _package(topics: tuple[int, ...]) -> dict[str, bytes]:
    """The grader package: without other topics' checks and stale fingerprints; the demo keeps only its mistake."""
    package = Path(grader.__file__).resolve().parent
    files = {}
    for name, data in _tree(package.parent, package).items():
        module = CHECKS_MODULE.match(Path(name).name)
        if name == fingerprints.FILE.as_posix() or (Path(name).parent.name == "checks" and module
                                                     and int(module.group(1)) not in topics):
            continue
        files[name] = data
    submission = demo.SUBMISSION.resolve()
    files[submission.relative_to(package.parent).as_posix()] = _only_the_mistake(submission, demo.EXPECTED_MISTAKE)
    return files


def _only_the_mistake(path: Path, mistake: str) -> bytes:
    """The demo submission with every function but the part of its ``mistake`` back to ``raise NotImplementedError``."""
    exercise, _ = catalog.find(path.stem)
    part = next(v.part for v in catalogue(exercise) if v.name == mistake)
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    for node in reversed(ast.parse(source).body):
        if isinstance(node, ast.FunctionDef) and node.name != part:
            body = node.body[1:] if ast.get_docstring(node) is not None else node.body
            if body:
                lines[body[0].lineno - 1:node.end_lineno] = [" " * body[0].col_offset + "raise NotImplementedError\n"]
    return "".join(lines).encode()
