"""Red team, loaders: malformed question pages and submission files, fuzzed with Hypothesis.

Whatever bytes a page or a submission holds (broken front matter, another encoding, binary
data, brackets nested past a parser's stack, a huge file, a link out of the folder), loading it
gives a clear error that names the file — ``bank.BankError`` or ``engine.SubmissionError`` —
or loads; never another exception, never a crash.
"""

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from grader import bank, catalog
from grader.engine import Submission, SubmissionError, read_sources

FUZZ = settings(max_examples=60, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PAGE = "07-softmax-cross-entropy.md"
REAL_PAGE = next((ROOT / "questions").glob("07-*.md")).read_text(encoding="utf-8")
catalog.by_topic()  # load_bank compares pages with the exercises: import their checks outside any @given

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.one_of(st.text(max_size=8), st.integers()), inner, max_size=4),
                      max_leaves=12)
mappings = st.dictionaries(st.one_of(st.sampled_from(["topic", "related", "summary", "id", "kind", "difficulty",
                                                      "text", "answer", "choices", "correct", "value", "tolerance",
                                                      "part", "statement"]), st.text(max_size=8), st.integers()),
                           values, max_size=8)


def _yaml(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, default_flow_style=None)


@st.composite
def page_texts(draw) -> str:
    """A page built like a real one, with any front matter and blocks; or a real page, cut and spliced."""
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(REAL_PAGE)))
        return REAL_PAGE[:cut] + draw(st.text(max_size=200)) + REAL_PAGE[cut + draw(st.integers(0, 500)):]
    front = draw(st.one_of(mappings.map(_yaml), st.text(max_size=300), st.just("topic: 7\n" + "[" * 30000)))
    blocks = draw(st.lists(st.tuples(st.sampled_from(["question", "task", "python", ""]),
                                     st.one_of(mappings.map(_yaml), st.text(max_size=200))), max_size=4))
    body = "".join(f"\n```{kind}\n{content}\n```\n" for kind, content in blocks)
    return draw(st.sampled_from(["---\n", "", "\ufeff---\n", "---\r\n"])) + front + "\n---\n" + body


page_bytes = st.one_of(
    st.tuples(page_texts(), st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1", "utf-32"]))
    .map(lambda pair: pair[0].encode(pair[1], errors="replace")),
    st.binary(max_size=2000),
)


def _expect_clean_bank_error(folder: Path, *names: str) -> bank.BankError | None:
    """load_bank succeeds or raises BankError whose every line names a file of the bank."""
    try:
        bank.load_bank(folder)
    except bank.BankError as e:
        assert all(line.startswith((str(folder), "questions/")) for line in e.errors), e.errors
        assert all(any(name in line for line in e.errors) for name in names), e.errors
        return e
    return None


@FUZZ
@given(data=page_bytes)
def test_a_page_of_any_bytes_loads_or_is_a_bank_error_naming_it(data):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / PAGE).write_bytes(data)
        _expect_clean_bank_error(Path(folder))


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), "cannot be read as UTF-8"),
    (lambda p: p.write_text("---\ntopic: 7\n---\n" + "x" * (bank.MAX_PAGE_BYTES + 1)), "more than a page"),
    (lambda p: p.write_text("---\ntopic: " + "[" * 100_000 + "\n---\n"), "nested more than"),
    (lambda p: p.write_text("---\n1: a\nb: 2\n---\n"), "unknown front matter fields: 1, b"),
    (lambda p: p.write_text(REAL_PAGE + f"\n![x]({'a' * 5000}.svg)\n"), "does not exist"),
    (lambda p: p.symlink_to(p.parent.parent / "outside.md"), "symbolic link out of the question bank"),
    (lambda p: p.symlink_to(p.parent / "missing.md"), "cannot be read"),
], ids=["binary", "huge", "yaml-bomb", "mixed-keys", "long-picture-name", "symlink-out", "dangling-symlink"])
def test_hostile_pages_are_bank_errors_naming_them(tmp_path, make, words):
    folder = tmp_path / "questions"
    folder.mkdir()
    (tmp_path / "outside.md").write_text(REAL_PAGE)
    make(folder / PAGE)
    error = _expect_clean_bank_error(folder, PAGE)
    assert error is not None and any(words in line for line in error.errors), error and error.errors


source_bytes = st.one_of(
    st.text(max_size=300).map(lambda s: s.encode("utf-8")),
    st.tuples(st.text(max_size=300), st.sampled_from(["utf-16", "cp1251", "utf-32"]))
    .map(lambda pair: pair[0].encode(pair[1], errors="replace")),
    st.binary(max_size=500),
    st.from_regex(r"def softmax\(x\):\n    return [a-z(\[{+\-*/ 0-9.,)\]}]{0,80}\n", fullmatch=True)
    .map(lambda s: s.encode()),
)


@FUZZ
@given(data=source_bytes)
def test_a_submission_of_any_bytes_parses_or_is_a_submission_error_naming_it(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ex07_softmax_ce.py"
        path.write_bytes(data)
        try:
            read_sources(Submission((path,)))
        except SubmissionError as e:
            assert str(e).startswith(str(path)) and "\n" not in str(e), str(e)


@pytest.mark.parametrize(("make", "words"), [
    (lambda p: p.mkdir(), "no such file"),
    (lambda p: p.symlink_to(p.parent / "missing.py"), "no such file"),
    (lambda p: p.symlink_to(p), "no such file"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00"), "not a UTF-8 text file"),
    (lambda p: p.write_bytes(b"x = 1\x00\n"), "null bytes"),
    (lambda p: p.write_text("x = " + "-" * 100_000 + "1\n"), "nested too deeply"),
    (lambda p: p.write_text("x = 1  # " + "#" * (2 << 20) + "\n"), "MiB"),
], ids=["folder", "dangling-symlink", "symlink-loop", "binary", "null-byte", "too-deep", "huge"])
def test_hostile_submissions_are_submission_errors_naming_them(tmp_path, make, words):
    path = tmp_path / "ex07_softmax_ce.py"
    make(path)
    with pytest.raises(SubmissionError) as error:
        read_sources(Submission((path,)))
    assert str(error.value).startswith(str(path)) and words in str(error.value), str(error.value)
