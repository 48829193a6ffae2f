"""The static site as files: pages, links, search data, and what a bad source does to a build (grade site)."""

import html as html_module
import json
import re
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from grader.cli import cli
from grader.site_build import SiteError
from grader.site_build.build import MARKER, build
from grader.site_build.mathml import FormulaError, to_mathml
from grader.site_build.serve import serve

ROOT = Path(__file__).resolve().parent.parent
SMALL_BANK = ("24-rnn.md", "25-lstm.md")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The whole course's site, built once through the command line."""
    out = tmp_path_factory.mktemp("site") / "_site"
    result = CliRunner().invoke(cli, ["site", "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert re.match(r"Built 45 pages \(41 topics\) in [\d.]+ s: open file://", result.output)
    return out


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A course of two topic pages (the real exercises and site sources): quick to build and safe to break."""
    questions = tmp_path / "course" / "questions"
    (questions / "img").mkdir(parents=True)
    for name in SMALL_BANK:
        text = (ROOT / "questions" / name).read_text(encoding="utf-8")
        (questions / name).write_text(text, encoding="utf-8")
        for image in re.findall(r"\]\((img/[^)]+)\)", text):
            (questions / image).write_bytes((ROOT / "questions" / image).read_bytes())
    for folder in ("exercises", "site"):
        (tmp_path / "course" / folder).symlink_to(ROOT / folder)
    monkeypatch.setenv("DL_EXAM_ROOT", str(tmp_path / "course"))
    return tmp_path / "course"


def html_files(site):
    return sorted(site.glob("*.html"))


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append(attrs[name])


def parse(path):
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


# ---- the built site ----------------------------------------------------------------------

def test_the_site_has_a_page_per_topic_and_the_shared_pages(site):
    names = {p.name for p in html_files(site)}
    topics = {p.stem + ".html" for p in (ROOT / "questions").glob("[0-9][0-9]-*.md")}
    assert len(topics) == 41 and names == topics | {"index.html", "ticket.html", "search.html", "404.html"}
    assert (site / MARKER).is_file() and (site / "img" / "25-lstm-cell.svg").is_file()
    vendored = ("lunr.min.js", "lunr.ru.min.js", "LICENSE-lunr")
    assert all((site / "vendor" / "lunr" / name).is_file() for name in vendored)


def test_every_internal_link_and_anchor_resolves(site):
    parsed = {p.name: parse(p) for p in html_files(site)}
    checked = 0
    for name, page in parsed.items():
        for link in page.links:
            if link.startswith(("data:", "mailto:")) or "://" in link:
                continue
            assert not link.startswith("/"), f"{name}: {link} would not open from file://"
            target, _, anchor = link.partition("#")
            target = target.partition("?")[0] or name
            assert (site / target).is_file(), f"{name}: {link} points to a missing file"
            if anchor:
                assert unquote(anchor) in parsed[target].ids, f"{name}: {link} points to a missing anchor"
            checked += 1
    assert checked > 2000  # every page's navigation, TOC, figures, topic mentions and question links


def test_a_topic_page_shows_math_code_the_exercise_and_questions(site):
    html = (site / "25-lstm.html").read_text(encoding="utf-8")
    assert html.count('<math display="block">') == 4 and "<mtable" in html and "$$" not in html
    assert '<pre><code class="language-python">' in html and '<span class="kn">import</span>' in html
    assert 'id="ячейка-lstm"' in html and '<a class="header-anchor" href="#ячейка-lstm"' in html
    assert '<a href="24-rnn.html">тему 24</a>' in html  # «см. тему 24» links to it
    assert 'rel="prev"' in html and 'href="26-attention.html" rel="next"' in html
    for part in ("25.1", "25.2", "25.3"):
        assert f'id="part-{part.replace(".", "-")}"' in html and f"grade exercise {part}</code>" in html
    assert "grade exercise 25</code>" in html and "<span class=\"nf\">lstm_cell</span>" in html
    question = html[html.index('id="t25-q03"'):html.index('id="t25-q04"')]
    assert 'data-value="2560"' in question and 'data-tolerance="0.5"' in question
    assert question.index("<details") < question.index("Ответ: 2560")  # the answer waits behind a click
    assert 'data-correct="1,3"' in html and 'type="checkbox"' in html  # t25-q09: two right choices


def test_a_class_exercise_shows_its_methods(site):
    html = (site / "33-nn-module.html").read_text(encoding="utf-8")
    text = html_module.unescape(re.sub(r"<[^>]+>", "", html))
    assert "class MLP(nn.Module):" in text and "def forward(self, x): ..." in text
    assert 'def __init__(self, sizes, activation="relu", dropout=0.0): ...' in text


def test_the_search_data_is_folded_and_stemmed(site):
    script = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    docs = json.loads(script.removeprefix("window.DL_SEARCH = ").removesuffix(";\n"))
    lstm = [d for d in docs if d["url"].startswith("25-lstm.html#")]
    assert any({"вентил", "забыван"} <= set(d["terms"].split()) for d in lstm)
    assert not any("ё" in d["terms"] + d["titleTerms"] for d in docs)
    convolution = [d for d in docs if "свёрточн" in d["text"].lower()]
    assert convolution and all("сверточн" in d["terms"] for d in convolution)


def test_the_ticket_page_holds_balanced_tickets(site):
    html = (site / "ticket.html").read_text(encoding="utf-8")
    tickets = html.split('<article class="ticket"')[1:]
    assert len(tickets) == 100
    for ticket in tickets:
        assert ticket.count('class="question"') == 2 and ticket.count('class="task"') == 1
        assert re.search(r"grade exercise \d+\.\d+</code>", ticket)


# ---- bad input: one line naming the file and line; the old site stays ----------------------

def test_broken_front_matter_stops_the_build_and_keeps_the_old_site(course, tmp_path):
    out = tmp_path / "_site"
    build(out)
    before = (out / "index.html").read_bytes()
    page = course / "questions" / "25-lstm.md"
    page.write_text(page.read_text(encoding="utf-8").replace("topic: 25", "topic: [25", 1), encoding="utf-8")
    result = CliRunner().invoke(cli, ["site", "-o", str(out)])
    assert result.exit_code == 2
    assert re.fullmatch(rf"error: malformed question bank: {re.escape(str(page))}:3: invalid YAML: .+\n", result.output)
    assert (out / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site", "course"]  # no half-built folder left


@pytest.mark.parametrize("where", ["body", "answer"])
def test_a_formula_that_cannot_be_rendered_stops_the_build_at_its_line(course, tmp_path, where):
    out = tmp_path / "_site"
    build(out)
    page = course / "questions" / "25-lstm.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    anchor = "веса на всех" if where == "body" else "Первый слой: $4\\cdot 20"
    number = next(i for i, line in enumerate(lines) if anchor in line)
    lines[number] += " $\\foo{x}$"
    page.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(SiteError) as error:
        build(out)
    assert str(error.value) == f"{page}:{number + 1}: cannot render formula $\\foo{{x}}$: unknown command \\foo"
    assert "\\foo" not in (out / "25-lstm.html").read_text(encoding="utf-8")


def test_a_folder_the_site_did_not_write_is_never_replaced(tmp_path):
    out = tmp_path / "notes"
    out.mkdir()
    (out / "mine.txt").write_text("keep me")
    result = CliRunner().invoke(cli, ["site", "-o", str(out)])
    assert result.exit_code == 2 and "did not write" in result.output and result.output.count("\n") == 1
    assert [p.name for p in out.iterdir()] == ["mine.txt"]


def test_the_site_is_never_written_into_its_sources():
    result = CliRunner().invoke(cli, ["site", "-o", str(ROOT / "site" / "_site")])
    assert result.exit_code == 2 and "is inside the site's sources" in result.output
    assert not (ROOT / "site" / "_site").exists()


def test_port_needs_serve():
    result = CliRunner().invoke(cli, ["site", "--port", "9000"])
    assert result.exit_code == 2 and result.output == "error: --port only makes sense with --serve\n"


@pytest.mark.parametrize(("latex", "problem"), [
    (r"\frac{1}{", "a '{' is never closed"),
    (r"a & b", "'&' outside an aligned, cases or matrix environment"),
    (r"a \\ b", "'\\\\' outside an aligned, cases or matrix environment"),
    (r"\left( x", "extra left or missing right"),
])
def test_formulas_latex2mathml_would_garble_are_refused(latex, problem):
    with pytest.raises(FormulaError, match=re.escape(problem)):
        to_mathml(latex)


def test_commands_latex2mathml_lacks_are_rewritten():
    assert "<mtable" in to_mathml("\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", display=True)
    assert "<mo>arg</mo>" in to_mathml(r"\arg\max_x f")
    assert "\u2016</mo>" in to_mathml(r"\Bigl\lVert x \Bigr\rVert") and "\\" not in to_mathml(r"\bigl\{ x \bigr\}")
    assert "<mi>log</mi><mspace" in to_mathml(r"\log p")


# ---- grade site --serve ------------------------------------------------------------------------

def test_serve_serves_the_site_and_rebuilds_it_when_a_page_changes(course, tmp_path):
    out = tmp_path / "_site"
    build(out)
    said, stop = [], threading.Event()
    thread = threading.Thread(target=serve, args=(out, 0, said.append, stop))
    thread.start()
    try:
        address = _wait_for(lambda: next((re.search(r"http://[\d.:]+/", s) for s in said if "Serving" in s), None))
        base = address.group()
        assert "LSTM" in _get(base + "25-lstm.html")
        with pytest.raises(urllib.error.HTTPError) as missing:
            _get(base + "no-such-page.html")
        assert missing.value.code == 404 and "Такой страницы нет" in missing.value.read().decode()
        page = course / "questions" / "25-lstm.md"
        page.write_text(page.read_text(encoding="utf-8").replace("## Варианты", "## Другие варианты"), encoding="utf-8")
        _wait_for(lambda: any("rebuilt" in s for s in said))
        assert 'id="другие-варианты"' in _get(base + "25-lstm.html")
    finally:
        stop.set()
        thread.join()


def _get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, limit=60.0):
    """Poll until ``condition()`` is truthy; the limit only stops a broken server from hanging the suite."""
    stop = threading.Event()
    for _ in range(int(limit / 0.05)):
        value = condition()
        if value:
            return value
        stop.wait(0.05)
    raise AssertionError("the server never did it")
