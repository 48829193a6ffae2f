"""Exam papers as a teacher gets them: tickets, answer key, question sheets, Moodle XML, and bad input."""

import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from grader import bank, markup, math_html, outputs
from grader.cli import cli, main
from grader.exam_pool import load_pool
from grader.tickets import Request


def grade(*args):
    return CliRunner().invoke(cli, list(args))


def grade_main(capsys, monkeypatch, *args):
    """Run the real entry point (its one-line usage errors), as `grade ARGS` in a shell."""
    monkeypatch.setattr(sys, "argv", ["grade", *args])
    with pytest.raises(SystemExit) as exit_status:
        main()
    captured = capsys.readouterr()
    return exit_status.value.code, captured.out + captured.err


def plain_words(markdown_text, count=6):
    """The first words of a question that are plain prose (no math, code or markup)."""
    prose = re.split(r"[$`*\[\]_]", markdown_text)[0]
    return " ".join(prose.split()[:count])


def pdf_text(data):
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Six tickets in every format, printed twice by separate processes (as a teacher runs it)."""
    runs = []
    for name in ("first", "second"):
        folder = tmp_path_factory.mktemp(name)
        command = [sys.executable, "-m", "grader", "tickets", "6", "--seed", "3", "--format", "pdf",
                   "--format", "html", "--format", "md", "-o", str(folder), "--examiner", "И. И. Иванов"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        runs.append((folder, done.stdout))
    return runs


def test_the_same_bank_options_and_seed_give_byte_identical_papers(printed):
    (first, _), (second, _) = printed
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(f"{doc}.{fmt}" for doc in ("tickets", "answer-key") for fmt in ("pdf", "html", "md"))
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_the_tickets_pdf_holds_each_ticket_on_its_page_with_cyrillic_intact(printed):
    folder, report = printed[0]
    pool = load_pool()
    drawn = pool.draw(Request(6, seed=3))
    reader = PdfReader(folder / "tickets.pdf")
    assert len(reader.pages) == 6
    for ticket, page in zip(drawn, reader.pages, strict=True):
        text = " ".join(page.extract_text().split())
        assert f"Экзаменационный билет № {ticket.number}" in text
        assert "Экзаменатор" in text and "И. И. Иванов" in text
        for question in ticket.questions:
            assert plain_words(pool.questions[question.id].text) in text
        assert f"Практическое задание {ticket.task.id}" in text
    assert "Rules kept" in report and "413 eligible" in report


def test_the_answer_key_has_every_answer_and_the_task_criteria(printed):
    folder, _ = printed[0]
    pool = load_pool()
    key = pdf_text((folder / "answer-key.pdf").read_bytes())
    for ticket in pool.draw(Request(6, seed=3)):
        assert f"Билет № {ticket.number}" in key
        for question in ticket.questions:
            assert plain_words(pool.questions[question.id].answer, 4) in key
        assert f"grade exercise {ticket.task.id}" in key


def test_pdf_fonts_are_embedded(printed):
    reader = PdfReader(printed[0][0] / "tickets.pdf")
    fonts = [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]
    assert fonts
    for font in fonts:
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"] if "/DescendantFonts" in font \
            else font["/FontDescriptor"]
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


def test_markdown_and_html_papers_say_the_same(printed):
    folder, _ = printed[0]
    md = (folder / "tickets.md").read_text(encoding="utf-8")
    html = (folder / "tickets.html").read_text(encoding="utf-8")
    assert md.count("# Экзаменационный билет №") == 6
    assert html.count("<h1>Экзаменационный билет №") == 6
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")  # self-contained, nothing fetched


def test_a_question_sheet_lists_a_topics_questions_with_or_without_answers(tmp_path):
    page = load_pool([25]).pages[25]
    with_answers, without = tmp_path / "a.md", tmp_path / "b.md"
    assert grade("sheet", "25", "--answers", "-o", str(with_answers)).exit_code == 0
    assert grade("sheet", "25", "-o", str(without)).exit_code == 0
    text, bare = with_answers.read_text(encoding="utf-8"), without.read_text(encoding="utf-8")
    for question in page.questions:
        assert question.id in text and question.id in bare
    answer = plain_words(page.questions[0].answer, 4)
    assert answer in text and answer not in bare


def test_a_pdf_sheet_renders_formulas(tmp_path):
    target = tmp_path / "sheet.pdf"
    result = grade("sheet", "7", "--answers", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert "softmax" in pdf_text(target.read_bytes()).lower()


def test_moodle_xml_has_one_question_per_checkable_item(tmp_path):
    target = tmp_path / "bank.xml"
    result = grade("moodle", "-o", str(target))
    assert result.exit_code == 0, result.output
    root = ElementTree.parse(target).getroot()
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    checkable = [q for page in bank.load_bank() for q in page.questions if q.checkable]
    assert [q.findtext("idnumber") for q in questions] == [q.id for q in checkable]
    by_id = {q.id: q for q in checkable}
    for element in questions:
        question = by_id[element.findtext("idnumber")]
        answers = element.findall("answer")
        if question.choices:
            assert element.get("type") == "multichoice" and len(answers) == len(question.choices)
            credit = sum(float(a.get("fraction")) for a in answers if float(a.get("fraction")) > 0)
            assert abs(credit - 100) < 0.01
        else:
            assert element.get("type") == "numerical"
            assert float(answers[0].findtext("text")) == question.value
            assert float(answers[0].findtext("tolerance")) == question.tolerance
    assert "$" not in target.read_text(encoding="utf-8").replace("$course$", "")  # TeX as \( \) for MathJax


@pytest.mark.parametrize(("args", "message"), [
    (["tickets", "5", "--topics", "50"], "no topic 50"),
    (["tickets", "5", "-k", "3", "--topics", "24-25"], "cannot keep rule 1"),
    (["tickets", "200", "--topics", "24-25"], "cannot keep rule 2"),
    (["tickets", "5", "--difficulty", "8-9"], "cannot keep rule 5"),
    (["tickets", "5", "--difficulty", "5-3"], "runs backwards"),
    (["sheet", "7", "-o", "sheet.docx"], "name the file .pdf, .html or .md"),
])
def test_bad_requests_get_one_line_and_write_nothing(tmp_path, monkeypatch, capsys, args, message):
    monkeypatch.chdir(tmp_path)
    status, output = grade_main(capsys, monkeypatch, *args, *(["-o", "out"] if args[0] == "tickets" else []))
    assert status == 2
    assert message in output and len(output.strip().splitlines()) == 1 and output.startswith("error: ")
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_output_is_one_line_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = grade("tickets", "3", "--format", "md", "-o", str(blocker / "exam"))
    assert result.exit_code == 2 and "is not a folder" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_writing_is_all_or_nothing(tmp_path):
    """A second file that cannot be written leaves the first untouched and no temporary files."""
    good = tmp_path / "tickets.md"
    good.write_text("old")
    (tmp_path / "blocker").write_text("x")
    with pytest.raises(outputs.OutputError):
        outputs.write_files({good: b"new", tmp_path / "blocker" / "key.md": b"new"})
    assert good.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocker", "tickets.md"]


@pytest.mark.parametrize(("latex", "html"), [
    ("x_i", "<i>x</i><sub><i>i</i></sub>"),
    ("(1, -1)", "(1,\u202f\u22121)"),
    ("a - b", "<i>a</i>\u202f\u2212\u202f<i>b</i>"),
    (r"\log p", "log\u202f<i>p</i>"),
    ("xy^2", "<i>xy</i><sup>2</sup>"),
])
def test_linear_formulas_are_set_as_text(latex, html):
    assert html in math_html.to_html(latex)


def test_two_dimensional_formulas_are_drawn_as_pictures():
    assert math_html.to_html(r"\frac{a}{b}") is None
    drawn = markup.to_html(r"Дробь $\frac{a}{b}$.")
    assert 'class="math"' in drawn and "data:image/svg+xml;base64," in drawn
    assert r"\(\frac{a}{b}\)" in markup.to_html(r"Дробь $\frac{a}{b}$.", "tex")
