"""Building the whole site into a folder: every page in memory first, then one swap into place.

The pages, the search index, the stylesheets and scripts of ``site/`` and the pictures the
pages use are written to a fresh folder beside the target, which then replaces the
previous site. A problem anywhere (a malformed page, a formula that cannot be rendered,
an unwritable folder) raises ``SiteError`` before the swap and leaves the old site as it
was. A folder that ``grade site`` did not build is never replaced (``MARKER``).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from grader import bank, catalog, markup, outputs, paths
from grader.site_build import SiteError
from grader.site_build.pages import Pages
from grader.site_build.search import index_script

MARKER = ".dl-exam-site"  # in every built site: the folder may be replaced by the next build
STATIC = ("static", "vendor")  # folders of site/ copied as they are (static/ lands in assets/)
PYGMENTS_DARK = "github-dark"
TOPIC_PAGE = re.compile(r"^\d\d-[^/]+\.html$")


@dataclass(frozen=True)
class Built:
    pages: int  # HTML pages written
    topics: int
    seconds: float


def build(output: Path, questions: Path | None = None, source: Path | None = None) -> Built:
    """Build the site of the bank in ``questions`` (the course's by default) into ``output``."""
    start = time.perf_counter()
    source = source or paths.course_root() / "site"
    questions = questions or paths.course_root() / "questions"
    for folder in (questions, source, paths.course_root() / "exercises"):
        if output.resolve() == folder.resolve() or folder.resolve() in output.resolve().parents:
            raise SiteError(f"{output} is inside the site's sources ({folder}): choose another output with -o")
    _check_target(output)
    files = render(questions, source)
    _replace(output, files)
    pages = sum(name.endswith(".html") for name in files)
    topics = sum(bool(TOPIC_PAGE.match(name)) for name in files)
    return Built(pages, topics, time.perf_counter() - start)


def render(questions: Path, source: Path) -> dict[str, bytes]:
    """Every file of the site by its path inside the site, in memory."""
    try:
        pages = bank.load_bank(questions)
    except bank.BankError as e:
        raise SiteError(str(e)) from None
    site = Pages(pages, catalog.by_topic(), bank.version(questions), source / "templates")
    site.render_all()
    files = dict(site.html)
    files["assets/search-index.js"] = index_script(site.documents)
    files["assets/pygments.css"] = _pygments_css().encode()
    for image in sorted(site.images):
        files[image] = (questions / image).read_bytes()
    for folder in STATIC:
        for path in sorted((source / folder).rglob("*")):
            if path.is_file() and not path.name.startswith("."):  # an editor's swap file is no asset
                relative = path.relative_to(source / folder).as_posix()
                files[f"assets/{relative}" if folder == "static" else f"{folder}/{relative}"] = path.read_bytes()
    files[MARKER] = b"Built by `grade site`; the next build replaces this folder.\n"
    return files


def _pygments_css() -> str:
    from pygments.formatters import HtmlFormatter

    dark = HtmlFormatter(style=PYGMENTS_DARK).get_style_defs("pre code")
    return f"{markup.pygments_css()}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"


def _check_target(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise SiteError(f"{output} is a file, not a folder: choose another output with -o")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise SiteError(f"{output} holds files that `grade site` did not write; choose another output with -o "
                        f"(nothing was changed)")
    try:
        outputs.check_writable(output.parent if output.exists() else output)
    except outputs.OutputError as e:
        raise SiteError(str(e)) from None


def _replace(output: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` into a new folder beside ``output``, then swap it in for the old site."""
    try:
        parent = outputs.writable_folder(output.absolute().parent)
    except outputs.OutputError as e:
        raise SiteError(str(e)) from None
    staging, old = parent / f".{output.name}.new-{os.getpid()}", parent / f".{output.name}.old-{os.getpid()}"
    try:
        for leftover in (staging, old):  # from a build that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        staging.mkdir()
        for name, data in files.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if output.exists():
            os.replace(output, old)
        try:
            os.replace(staging, output)
        except OSError:
            if old.exists():
                os.replace(old, output)
            raise
        shutil.rmtree(old, ignore_errors=True)
    except OSError as e:
        raise SiteError(f"cannot write the site to {output}: {e.strerror or e}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
