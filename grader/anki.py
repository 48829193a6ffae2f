"""The theory questions as an Anki package (``.apkg``): one subdeck per section of the exam.

Ids are stable, so importing a newer export updates the cards a student already studies
instead of adding duplicates: the note type's and decks' ids are hashes of their names,
a note's guid is a hash of its question id. Formulas stay ``\\(...\\)`` for Anki's MathJax.

The package is reproducible: the same pages give the same bytes. genanki stamps notes,
cards and the note type with a time and numbers note ids from it; we pass the newest
modification time of the exported pages rather than a constant, because Anki updates an
existing note on import only when the incoming one is newer. genanki's own
``write_to_file`` also stamps the zip entries with the current time (and leaves its
temporary database behind), so the database is zipped here with fixed entry times.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path

import genanki

from grader import outputs
from grader.bank import Page, Question
from grader.markup import pygments_css, to_html
from grader.topics import SECTIONS, topic

PARENT_DECK = "Глубокое обучение"
NOTE_TYPE = "dl-exam: вопрос"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
CSS = """\
.card { font-family: sans-serif; font-size: 18px; line-height: 1.4; text-align: left; }
.topic { color: #777; font-size: 14px; margin-bottom: 0.8em; }
.how { color: #777; font-style: italic; }
.correct { color: #1a7f37; font-weight: bold; }
"""


def export(pages: list[Page], path: Path, numbers: Iterable[int] | None = None) -> int:
    """Write the questions of topics ``numbers`` (all by default) to ``path``; return their count.

    The file is written atomically (``outputs.write_files``); ``OutputError`` if it cannot be.
    """
    chosen = set(numbers) if numbers is not None else {p.topic for p in pages}
    pages = [p for p in pages if p.topic in chosen]
    package = build(pages)
    timestamp = float(max((int(p.path.stat().st_mtime) for p in pages), default=0))
    outputs.write_files({path: _package_bytes(package, timestamp)})
    return sum(len(p.questions) for p in pages)


def build(pages: list[Page]) -> genanki.Package:
    """A parent deck with one subdeck per section, a note per question in page order."""
    model = _note_type()
    decks = {section: genanki.Deck(_stable_id(deck_name(section)), deck_name(section)) for section in SECTIONS}
    for due, (page, question) in enumerate((p, q) for p in pages for q in p.questions):
        section = topic(page.topic).section
        decks[section].add_note(genanki.Note(
            model=model, fields=[_front(question), _back(question), _topic_line(page.topic)],
            tags=[f"topic-{page.topic:02d}", f"kind-{question.kind}", f"difficulty-{question.difficulty}"],
            guid=genanki.guid_for("dl-exam", question.id), due=due))
    parent = genanki.Deck(_stable_id(PARENT_DECK), PARENT_DECK,
                          description="Теоретические вопросы к экзамену по глубокому обучению.")
    return genanki.Package([parent] + [d for d in decks.values() if d.notes])


def deck_name(section: str) -> str:
    """``Глубокое обучение::1. Основы нейросетей``: numbered, as Anki sorts decks by name."""
    return f"{PARENT_DECK}::{SECTIONS.index(section) + 1}. {section}"


def _stable_id(name: str) -> int:
    """An id derived from a name, in the range genanki recommends for note types and decks."""
    digest = hashlib.sha256(f"dl-exam:{name}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def _package_bytes(package: genanki.Package, timestamp: float) -> bytes:
    """The ``.apkg`` file: the collection database and an empty media list, zipped reproducibly."""
    with tempfile.TemporaryDirectory() as scratch:
        database = Path(scratch) / "collection.anki2"
        with closing(sqlite3.connect(database)) as connection:
            package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            connection.commit()
        entries = {"collection.anki2": database.read_bytes(), "media": b"{}"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=ZIP_TIME), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _note_type() -> genanki.Model:
    return genanki.Model(
        _stable_id(NOTE_TYPE), NOTE_TYPE,
        fields=[{"name": "Вопрос"}, {"name": "Ответ"}, {"name": "Тема"}],
        templates=[{"name": "Вопрос и ответ",
                    "qfmt": '<div class="topic">{{Тема}}</div>\n{{Вопрос}}',
                    "afmt": '{{FrontSide}}\n<hr id="answer">\n{{Ответ}}'}],
        css=CSS + pygments_css())


def _front(question: Question) -> str:
    text = to_html(question.text, math="tex")
    if not question.choices:
        return text
    how = "Выберите все верные варианты." if len(question.correct) > 1 else "Выберите один вариант."
    items = "".join(f"<li>{to_html(c, math='tex', inline=True)}</li>" for c in question.choices)
    return f'{text}<p class="how">{how}</p>\n<ol>{items}</ol>\n'


def _back(question: Question) -> str:
    explanation = to_html(question.answer, math="tex")
    if question.choices:
        items = "".join(f'<li class="correct">✓ {to_html(c, math="tex", inline=True)}</li>' if i in question.correct
                        else f"<li>{to_html(c, math='tex', inline=True)}</li>"
                        for i, c in enumerate(question.choices))
        return f"<ol>{items}</ol>\n{explanation}"
    if question.value is not None:
        key = f"{question.value}" if question.tolerance == 0 else f"{question.value} ± {question.tolerance}"
        return f'<p>Ответ: <span class="correct">{key}</span></p>\n{explanation}'
    return explanation


def _topic_line(number: int) -> str:
    return html.escape(f"Тема {number}. {topic(number).title}")
