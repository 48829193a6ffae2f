"""Is the question bank well-formed, complete where it claims to be, and does its code run?"""

import re
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT
from grader import bank, catalog, mistakes
from grader.topics import SECTIONS, topics

PAGES = bank.load_bank()
# Topics whose page, question pool and exercise are finished; each content issue extends it.
BUILT_TOPICS = list(range(1, 42))
SECTION_RANGES = {SECTIONS[0]: range(1, 6), SECTIONS[1]: range(6, 17), SECTIONS[2]: range(17, 21),
                  SECTIONS[3]: range(21, 26), SECTIONS[4]: range(26, 29), SECTIONS[5]: range(29, 42)}


def test_the_topics_table_has_the_41_exam_topics_in_their_sections():
    table = topics()
    assert [t.number for t in table] == list(range(1, 42))
    for t in table:
        assert t.number in SECTION_RANGES[t.section]
        assert t.exam_title.endswith(".") and t.title and t.title_en
    assert table[19].exam_title.startswith("Схема работы слоя") and "Схема работ" in table[19].exam_title_note


@pytest.mark.parametrize("number", BUILT_TOPICS)
def test_every_built_topic_has_a_complete_page_and_a_catalogued_exercise(number):
    page = next((p for p in PAGES if p.topic == number), None)
    assert page is not None, f"no page for topic {number}"
    assert page.complete and len(page.questions) >= 6 and all(q.answer.strip() for q in page.questions)
    assert len({q.kind for q in page.questions}) >= 3, "a pool mixes kinds of questions"
    assert 800 <= explanation_words(page) <= 2000, explanation_words(page)
    exercise = catalog.by_topic().get(number)
    assert exercise is not None, f"topic {number} has no exercise"
    assert exercise.reference_path.is_file()
    assert sum(v.is_wrong for v in mistakes.catalogue(exercise)) >= 4


def explanation_words(page):
    """Words of the page's own prose: everything before the question pool, code excluded."""
    prose = page.body.split("## Вопросы")[0]
    prose = re.sub(r"```.*?```", " ", prose, flags=re.S)
    return len(prose.split())


def test_every_exercise_topic_has_a_complete_page():
    pages = {p.topic: p for p in PAGES}
    for exercise in catalog.all_exercises():
        page = pages[exercise.topic]
        assert page.complete, page.path
        assert [t.part for t in page.tasks] == [p.number for p in exercise.parts]
        assert "## Упражнение" in page.body and "## Вопросы" in page.body
        assert f"grade exercise {exercise.topic}" in page.body


@pytest.mark.parametrize("page", PAGES, ids=[p.path.name for p in PAGES])
def test_page_snippets_run_as_written(page, tmp_path):
    script = "\n\n".join(code for _, code in page.snippets)
    assert script, "a page needs at least one runnable snippet"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("page", PAGES, ids=[p.path.name for p in PAGES])
def test_answer_keys_are_short_and_checkable_items_are_consistent(page):
    for q in page.questions:
        assert 1 <= len(q.answer.splitlines()) <= 8, q.id
    assert sum(q.checkable for q in page.questions) >= 2


def write_page(folder, name, text):
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text).lstrip())


GOOD_QUESTION = textwrap.dedent("""
    ```question
    id: t{n:02d}-q01
    kind: numeric
    difficulty: 2
    text: |
      Сколько будет $2+2$?
    answer: |
      Четыре.
    value: 4
    tolerance: 0
    ```
""")


@pytest.mark.parametrize("body, message", [
    ("topic: 2\n---\n", "'topic' must be 3"),
    ("topic: 3\nrelated: [99]\n---\n", "'related' must be a list"),
    ("topic: 3\nsummary: [unclosed\n---\n", "invalid YAML"),
    ("topic: 3\n---\n" + GOOD_QUESTION.format(n=3).replace("kind: numeric", "kind: essay"), "'kind' must be one of"),
    ("topic: 3\n---\n" + GOOD_QUESTION.format(n=3).replace("difficulty: 2", "difficulty: 5"), "'difficulty'"),
    ("topic: 3\n---\n" + GOOD_QUESTION.format(n=3).replace("t03-q01", "t07-q01"), "must look like t03-q01"),
    ("topic: 3\n---\n" + GOOD_QUESTION.format(n=3).replace("tolerance: 0\n", ""), "'value' and 'tolerance'"),
    ("topic: 3\n---\n" + GOOD_QUESTION.format(n=3).replace("value: 4\ntolerance: 0", "choices: [a, b]\ncorrect: 2"),
     "'correct' must be a 0-based index"),
    ("topic: 3\n---\n![схема](img/missing.svg)\n", "picture 'img/missing.svg' does not exist"),
    ("topic: 3\n---\n```task\npart: 3.1\nstatement: x\n```\n", "task blocks state parts ['3.1'], but the exercise"),
])
def test_malformed_pages_are_reported_with_file_and_line(tmp_path, body, message):
    write_page(tmp_path, "03-history.md", "---\n" + body)
    with pytest.raises(bank.BankError) as error:
        bank.load_bank(tmp_path)
    assert any(message in e and "03-history.md:" in e for e in error.value.errors), error.value.errors


def test_a_page_without_front_matter_or_with_a_bad_name_is_reported(tmp_path):
    write_page(tmp_path, "03-history.md", "# no front matter\n")
    write_page(tmp_path, "History.md", "---\ntopic: 3\n---\n")
    with pytest.raises(bank.BankError) as error:
        bank.load_bank(tmp_path)
    assert len(error.value.errors) == 2
    assert str(error.value).startswith("malformed question bank: ")


def test_duplicate_question_ids_across_the_bank_are_reported(tmp_path):
    write_page(tmp_path, "03-a.md", "---\ntopic: 3\n---\n" + GOOD_QUESTION.format(n=3))
    write_page(tmp_path, "04-b.md", "---\ntopic: 4\n---\n" + GOOD_QUESTION.format(n=3))
    with pytest.raises(bank.BankError) as error:
        bank.load_bank(tmp_path)
    assert any("t03-q01 is also used" in e or "must look like t04-q01" in e for e in error.value.errors)


def test_the_shipped_bank_passes_the_validator_command():
    result = subprocess.run([sys.executable, "-m", "grader", "bank"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "no errors" in result.stdout
