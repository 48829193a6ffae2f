"""The question bank: one Markdown page per topic in ``questions/`` (format: questions/README.md).

``load_bank`` parses and validates every page; every problem is reported as
``path:line: message``. Pages hold YAML front matter, the explanation, ``task`` blocks
(paper statements of the exercise's parts) and ``question`` blocks (the theory pool).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt

from grader import paths
from grader.topics import topics

PAGE_NAME = re.compile(r"^(\d\d)-[a-z0-9-]+\.md$")
QUESTION_ID = re.compile(r"^t(\d\d)-q(\d\d)$")
KINDS = ("definition", "derivation", "comparison", "code_reading", "numeric", "find_error")
QUESTION_KEYS = {"id", "kind", "difficulty", "text", "answer", "choices", "correct", "value", "tolerance"}
MIN_QUESTIONS, MIN_CHECKABLE = 6, 2
MAX_PAGE_BYTES = 1 << 20  # the longest page is under 40 kB
MAX_NESTING = 1000  # brackets inside brackets in one YAML block; libyaml's parser crashes past some 20000


class BankError(Exception):
    """The bank is malformed; ``errors`` holds every ``path:line: message``."""

    def __init__(self, errors: list[str]) -> None:
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        super().__init__(f"malformed question bank: {errors[0]}{more}")
        self.errors = errors


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    difficulty: int
    text: str
    answer: str
    line: int
    choices: tuple[str, ...] = ()
    correct: tuple[int, ...] = ()
    value: float | None = None
    tolerance: float | None = None

    @property
    def checkable(self) -> bool:
        return bool(self.choices) or self.value is not None


@dataclass(frozen=True)
class Task:
    part: str  # "7.1"
    statement: str
    line: int


@dataclass
class Page:
    topic: int
    path: Path
    summary: str = ""
    related: tuple[int, ...] = ()
    body: str = ""
    questions: list[Question] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    snippets: list[tuple[int, str]] = field(default_factory=list)  # (line, python code)

    @property
    def complete(self) -> bool:
        checkable = sum(q.checkable for q in self.questions)
        return len(self.questions) >= MIN_QUESTIONS and checkable >= MIN_CHECKABLE


def load_bank(folder: Path | None = None) -> list[Page]:
    """Every page of the bank, validated, in topic order."""
    folder = folder or paths.course_root() / "questions"
    errors: list[str] = []
    pages: list[Page] = []
    for path in sorted(folder.glob("*.md")):
        if path.name == "README.md":
            continue
        if not PAGE_NAME.match(path.name):
            errors.append(f"{path}:1: a page is named NN-slug.md (two-digit topic number, lowercase slug)")
            continue
        page = _load_page(path, errors)
        if page is not None:
            pages.append(page)
    _check_across_pages(pages, errors)
    if errors:
        raise BankError(errors)
    return sorted(pages, key=lambda p: p.topic)


def _load_page(path: Path, errors: list[str]) -> Page | None:
    if path.is_symlink() and path.parent.resolve() not in path.resolve().parents:
        errors.append(f"{path}:1: a symbolic link out of the question bank (to {path.resolve()})")
        return None
    try:
        if path.stat().st_size > MAX_PAGE_BYTES:
            errors.append(f"{path}:1: {path.stat().st_size >> 10} kB, more than a page of the bank can be "
                          f"({MAX_PAGE_BYTES >> 10} kB)")
            return None
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        errors.append(f"{path}:1: cannot be read as UTF-8 text ({e})")
        return None
    meta, body, offset = _front_matter(path, text, errors)
    if meta is None:
        return None
    number = int(PAGE_NAME.match(path.name).group(1))
    page = Page(number, path, body=body)
    _check_meta(page, meta, errors)
    for token in BLOCKS.parse(body):
        if token.type != "fence":
            continue
        line = offset + token.map[0] + 1
        info = token.info.strip()
        if info == "python":
            page.snippets.append((line, token.content))
        elif info in ("question", "task"):
            data = _yaml_block(path, line, token.content, errors)
            if data is not None:
                (_add_question if info == "question" else _add_task)(page, data, line, errors)
    _check_images(page, errors)
    return page


def _front_matter(path: Path, text: str, errors: list[str]) -> tuple[dict | None, str, int]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---" or "---" not in [s.strip() for s in lines[1:]]:
        errors.append(f"{path}:1: the page must start with YAML front matter between two '---' lines")
        return None, "", 0
    end = 1 + [s.strip() for s in lines[1:]].index("---")
    meta = _yaml_block(path, 2, "\n".join(lines[1:end]), errors)
    if meta is not None and not isinstance(meta, dict):
        errors.append(f"{path}:2: front matter must be a mapping of fields")
        meta = None
    return meta, "\n".join(lines[end + 1 :]), end + 1


# block structure only (fences are all the bank needs): skipping inline parsing is 3x faster
BLOCKS = MarkdownIt("commonmark").disable(["inline", "text_join"])
# libyaml's safe loader where PyYAML was built with it (4× faster on the whole bank), else the Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml_block(path: Path, line: int, content: str, errors: list[str]) -> Any:
    if _nesting(content) > MAX_NESTING:
        errors.append(f"{path}:{line}: invalid YAML: brackets nested more than {MAX_NESTING} deep")
        return None
    try:
        return yaml.load(content, Loader=SAFE_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = line + (mark.line if mark else 0)
        errors.append(f"{path}:{where}: invalid YAML: {getattr(e, 'problem', None) or e}")
        return None


def _nesting(content: str) -> int:
    """How deep ``[`` and ``{`` nest, 0 if too few to pass MAX_NESTING (quotes ignored: an overestimate)."""
    if content.count("[") + content.count("{") <= MAX_NESTING:
        return 0  # cannot nest deeper; saves walking every block of the bank
    depth = deepest = 0
    for char in content:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
    return deepest


def _check_meta(page: Page, meta: dict, errors: list[str]) -> None:
    where = f"{page.path}:2"
    unknown = set(meta) - {"topic", "related", "summary"}
    if unknown:
        errors.append(f"{where}: unknown front matter fields: {', '.join(sorted(map(str, unknown)))}")
    if meta.get("topic") != page.topic:
        errors.append(f"{where}: 'topic' must be {page.topic}, as in the file name")
    related = meta.get("related", [])
    if not isinstance(related, list) or not all(_is_int(t) and 1 <= t <= 41 and t != page.topic for t in related):
        errors.append(f"{where}: 'related' must be a list of other topic numbers (1-41)")
    else:
        page.related = tuple(related)
    summary = meta.get("summary", "")
    if not isinstance(summary, str):
        errors.append(f"{where}: 'summary' must be text")
    else:
        page.summary = summary.strip()


def _add_question(page: Page, data: Any, line: int, errors: list[str]) -> None:
    where = f"{page.path}:{line}"
    if not isinstance(data, dict):
        errors.append(f"{where}: a question block must be a mapping of fields")
        return
    problems = _question_problems(page.topic, data)
    if problems:
        errors += [f"{where}: question {data.get('id', '?')}: {p}" for p in problems]
        return
    correct = data.get("correct")
    page.questions.append(Question(
        data["id"], data["kind"], data["difficulty"], data["text"].strip(), data["answer"].strip(), line,
        tuple(data.get("choices", ())), tuple(correct if isinstance(correct, list) else
                                              [] if correct is None else [correct]),
        data.get("value"), data.get("tolerance")))


def _question_problems(topic: int, q: dict) -> list[str]:
    problems = [f"unknown field '{k}'" for k in sorted(map(str, set(q) - QUESTION_KEYS))]
    match = QUESTION_ID.match(str(q.get("id", "")))
    if not match or int(match.group(1)) != topic:
        problems.append(f"'id' must look like t{topic:02d}-q01")
    if q.get("kind") not in KINDS:
        problems.append(f"'kind' must be one of {', '.join(KINDS)}")
    if not _is_int(q.get("difficulty")) or q["difficulty"] not in (1, 2, 3):
        problems.append("'difficulty' must be 1, 2 or 3")
    for name in ("text", "answer"):
        if not isinstance(q.get(name), str) or not q[name].strip():
            problems.append(f"'{name}' must be non-empty text")
    if ("choices" in q) != ("correct" in q):
        problems.append("'choices' and 'correct' go together")
    if "choices" in q:
        choices, correct = q["choices"], q.get("correct")
        indices = correct if isinstance(correct, list) else [correct]
        if not isinstance(choices, list) or len(choices) < 2 or not all(isinstance(c, str) and c for c in choices):
            problems.append("'choices' must be a list of at least two texts")
        elif not indices or not all(_is_int(i) and 0 <= i < len(choices) for i in indices) \
                or len(set(indices)) != len(indices):
            problems.append("'correct' must be a 0-based index (or list of indices) into 'choices'")
    if ("value" in q) != ("tolerance" in q):
        problems.append("'value' and 'tolerance' go together")
    number, tolerance = q.get("value"), q.get("tolerance")
    if "value" in q and "tolerance" in q and not (_is_number(number) and _is_number(tolerance) and tolerance >= 0):
        problems.append("'value' must be a number and 'tolerance' a number >= 0")
    if "value" in q and "choices" in q:
        problems.append("a question is checked either by 'choices' or by 'value', not both")
    return problems


def _add_task(page: Page, data: Any, line: int, errors: list[str]) -> None:
    where = f"{page.path}:{line}"
    if not isinstance(data, dict) or set(data) != {"part", "statement"}:
        errors.append(f"{where}: a task block has exactly the fields 'part' and 'statement'")
        return
    part = str(data["part"])
    if not re.match(rf"^{page.topic}\.\d+$", part):
        errors.append(f"{where}: task part '{part}' must look like {page.topic}.1 (quote parts like \"25.10\")")
    elif not isinstance(data["statement"], str) or not data["statement"].strip():
        errors.append(f"{where}: task {part}: 'statement' must be non-empty text")
    else:
        page.tasks.append(Task(part, data["statement"].strip(), line))


def _check_images(page: Page, errors: list[str]) -> None:
    for match in re.finditer(r"!\[[^\]]*\]\(([^)\s]+)", page.body):
        source = match.group(1)
        try:
            exists = "://" in source or (page.path.parent / source).is_file()
        except OSError:  # a name too long for the file system
            exists = False
        if not exists:
            errors.append(f"{page.path}:1: picture '{source[:200]}' does not exist")


def _check_across_pages(pages: list[Page], errors: list[str]) -> None:
    from grader.catalog import by_topic

    seen: dict[str, Path] = {}
    for page in pages:
        for q in page.questions:
            if q.id in seen:
                errors.append(f"{page.path}:{q.line}: question id {q.id} is also used in {seen[q.id]}")
            seen[q.id] = page.path
    numbers = [p.topic for p in pages]
    for topic in {n for n in numbers if numbers.count(n) > 1}:
        errors.append(f"questions/: more than one page for topic {topic}")
    exercises = by_topic()
    for page in pages:
        exercise = exercises.get(page.topic)
        stated = [t.part for t in page.tasks]
        expected = [p.number for p in exercise.parts] if exercise else []
        if stated != expected:
            errors.append(f"{page.path}:1: task blocks state parts {stated or 'none'}, "
                          f"but the exercise has parts {expected or 'none'}")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def summary(pages: list[Page]) -> str:
    """One line per page, and the totals."""
    lines = [f"{p.path.name:34} {len(p.questions):3} questions ({sum(q.checkable for q in p.questions)} checkable), "
             f"{len(p.tasks)} tasks, {len(p.snippets)} code snippets{'' if p.complete else '  INCOMPLETE'}"
             for p in pages]
    total = sum(len(p.questions) for p in pages)
    lines.append(f"{len(pages)} of {len(topics())} topics have a page; {total} questions in all; no errors.")
    return "\n".join(lines)


def version(folder: Path | None = None) -> str:
    """A short hash of the bank's content: tickets and sheets name the bank they came from."""
    folder = folder or paths.course_root() / "questions"
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.md")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:8]
