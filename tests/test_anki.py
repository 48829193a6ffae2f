"""Does `grade anki` write an Anki package a student can import, and re-import without duplicates?"""

import dataclasses
import json
import os
import shutil
import sqlite3
import zipfile

import genanki
import pytest
from click.testing import CliRunner

from grader import anki, bank
from grader.cli import cli
from grader.topic_range import parse_topic_range
from grader.topics import SECTIONS, topic


@pytest.fixture(scope="module")
def pages():
    return bank.load_bank()


def read_apkg(path, scratch):
    """The package's notes (keyed by guid), deck names by id, and each note's deck."""
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}  # no time of export
        archive.extract("collection.anki2", scratch)
    with sqlite3.connect(scratch / "collection.anki2") as db:
        notes = {guid: {"fields": flds.split("\x1f"), "tags": tags.split(), "mod": mod}
                 for guid, flds, tags, mod in db.execute("SELECT guid, flds, tags, mod FROM notes")}
        decks = {int(i): d["name"] for i, d in json.loads(db.execute("SELECT decks FROM col").fetchone()[0]).items()}
        deck_of = dict(db.execute("SELECT n.guid, c.did FROM cards c JOIN notes n ON c.nid = n.id"))
        cards = db.execute("SELECT count(*) FROM cards").fetchone()[0]
    (scratch / "collection.anki2").unlink()
    assert cards == len(notes)
    return notes, decks, {guid: decks[did] for guid, did in deck_of.items()}


def guid(question_id):
    return genanki.guid_for("dl-exam", question_id)


def test_a_range_exports_one_note_per_question_in_subdecks_per_section(pages, tmp_path):
    path = tmp_path / "deck.apkg"
    assert anki.export(pages, path, parse_topic_range("20-25")) == sum(
        len(p.questions) for p in pages if 20 <= p.topic <= 25)
    notes, decks, deck_of = read_apkg(path, tmp_path)
    questions = [(p.topic, q) for p in pages if 20 <= p.topic <= 25 for q in p.questions]
    assert len(notes) == len(questions)
    assert set(decks.values()) - {"Default"} == {"Глубокое обучение", "Глубокое обучение::3. Свёрточные сети",
                                                  "Глубокое обучение::4. Тексты и последовательности"}
    for number, question in questions:
        note = notes[guid(question.id)]
        assert note["tags"] == [f"topic-{number}", f"kind-{question.kind}", f"difficulty-{question.difficulty}"]
        assert note["fields"][2] == f"Тема {number}. {topic(number).title}"
        assert deck_of[guid(question.id)] == anki.deck_name(topic(number).section)


def test_cards_keep_cyrillic_math_and_the_answer_key(pages, tmp_path):
    path = tmp_path / "deck.apkg"
    anki.export(pages, path, [7])
    notes, _, _ = read_apkg(path, tmp_path)
    fields = {q.id: notes[guid(q.id)]["fields"] for q in pages[6].questions}
    front, back, _ = fields["t07-q01"]
    assert "Дайте определение преобразования softmax" in front and "«мягким максимумом»" in front
    assert r"\(p_i = e^{z_i} / \sum_j e^{z_j}\)" in back and "$" not in back
    front, back, _ = fields["t07-q04"]  # choices, the second one correct
    assert front.count("<li>") == 4 and "Выберите один вариант." in front
    assert back.count("✓") == 1 and r'<li class="correct">✓ полуось \([0, \infty)\)' in back
    front, back, _ = fields["t07-q02"]  # numeric
    assert '<span class="correct">1.3863 ± 0.001</span>' in back and "Softmax даёт равномерное" in back


def test_two_exports_are_identical_and_a_newer_bank_updates_the_same_notes(pages, tmp_path):
    first, second, newer = tmp_path / "1.apkg", tmp_path / "2.apkg", tmp_path / "3.apkg"
    anki.export(pages, first)
    anki.export(pages, second)
    assert first.read_bytes() == second.read_bytes()
    old, old_decks, _ = read_apkg(first, tmp_path)
    assert len(old) == sum(len(p.questions) for p in pages)
    assert {f"Глубокое обучение::{i}. {s}" for i, s in enumerate(SECTIONS, 1)} < set(old_decks.values())
    # page 7 edited an hour after the newest page: one question reworded
    copy = shutil.copy(pages[6].path, tmp_path / pages[6].path.name)
    later = max(p.path.stat().st_mtime for p in pages) + 3600
    os.utime(copy, (later, later))
    questions = [dataclasses.replace(q, text=q.text + " Уточнено.") if q.id == "t07-q01" else q
                 for q in pages[6].questions]
    anki.export([dataclasses.replace(p, path=copy, questions=questions) if p.topic == 7 else p for p in pages], newer)
    new, new_decks, _ = read_apkg(newer, tmp_path)
    assert new.keys() == old.keys() and new_decks == old_decks  # same guids and deck ids: Anki updates, not adds
    assert all(new[g]["mod"] > old[g]["mod"] for g in old)  # and Anki updates only notes that are newer
    assert "Уточнено." in new[guid("t07-q01")]["fields"][0] and "Уточнено." not in old[guid("t07-q01")]["fields"][0]


@pytest.mark.parametrize("spec, expected", [
    ("7", (7,)), ("20-25", tuple(range(20, 26))), ("1-3,7,30-31", (1, 2, 3, 7, 30, 31)), ("3, 1-2,2", (1, 2, 3)),
    ("41", (41,)),
])
def test_topic_ranges(spec, expected):
    assert parse_topic_range(spec) == expected


@pytest.mark.parametrize("spec, words", [
    ("42", "no topic 42: topics are numbered 1-41"), ("0-3", "no topic 0"), ("25-20", "runs backwards"),
    ("seven", "malformed topic range 'seven'"), ("", "malformed"), ("1,,2", "malformed"), ("1-", "malformed"),
    ("-3", "malformed"), ("1-2-3", "malformed"),
])
def test_bad_topic_ranges_say_why_in_one_line(spec, words):
    with pytest.raises(ValueError, match=words) as error:
        parse_topic_range(spec)
    assert "\n" not in str(error.value)


def test_the_command_writes_the_package(tmp_path):
    path = tmp_path / "seven.apkg"
    result = CliRunner().invoke(cli, ["anki", "7", "-o", str(path)])
    assert result.exit_code == 0 and f"to {path}" in result.output
    assert len(read_apkg(path, tmp_path)[0]) == len(bank.load_bank()[6].questions)


@pytest.mark.parametrize("args, words", [
    (["anki", "42", "-o", "x.apkg"], "error: no topic 42"),
    (["anki", "-o", "deck.zip"], "must end in .apkg"),
    (["anki", "7", "-o", "{tmp}/not_a_folder/deck.apkg"], "not_a_folder"),  # the parent is a file
    (["anki", "7", "-o", "{tmp}/taken.apkg"], "taken.apkg is a folder"),  # a folder is in the way
])
def test_the_command_fails_in_one_line_leaving_nothing_behind(tmp_path, monkeypatch, args, words):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "not_a_folder").write_text("a file")
    (tmp_path / "taken.apkg").mkdir()
    before = sorted(tmp_path.rglob("*"))
    result = CliRunner().invoke(cli, [a.format(tmp=tmp_path) for a in args])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("error: ") and words in result.output
    assert sorted(tmp_path.rglob("*")) == before  # no package, no temporary file
