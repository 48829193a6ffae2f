"""Moodle XML export of the checkable theory questions (multiple choice and numeric).

One category per topic; formulas stay TeX as ``\\(...\\)`` for Moodle's MathJax filter; the
answer key becomes the general feedback. Multiple-answer questions give each correct
choice an equal share and take the same share off for each wrong one, using the
fractions Moodle accepts. Question ids are kept as ``idnumber`` so a re-import can be
matched to the earlier one.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from grader import markup
from grader.bank import Page, Question
from grader.topics import topic

# the grade fractions (percent) Moodle's importer accepts
FRACTIONS = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
             14.28571, 12.5, 11.11111, 10, 5)


def to_xml(pages: list[Page], course: str = "Глубокое обучение") -> bytes:
    """A Moodle XML document with every checkable question of ``pages``."""
    quiz = ElementTree.Element("quiz")
    for page in pages:
        checkable = [q for q in page.questions if q.checkable]
        if not checkable:
            continue
        subject = topic(page.topic)
        category = ElementTree.SubElement(quiz, "question", type="category")
        _text(ElementTree.SubElement(category, "category"), f"$course$/top/{course}/{page.topic:02d} {subject.title}")
        for question in checkable:
            quiz.append(_question(question, subject.title))
    ElementTree.indent(quiz)
    return ElementTree.tostring(quiz, encoding="UTF-8", xml_declaration=True) + b"\n"


def _question(question: Question, topic_title: str) -> ElementTree.Element:
    kind = "multichoice" if question.choices else "numerical"
    element = ElementTree.Element("question", type=kind)
    _text(ElementTree.SubElement(element, "name"), f"{question.id}: {topic_title}")
    _html(element, "questiontext", question.text)
    _html(element, "generalfeedback", question.answer)
    for tag, value in (("defaultgrade", "1"), ("penalty", "0.3333333"), ("hidden", "0"), ("idnumber", question.id)):
        ElementTree.SubElement(element, tag).text = value
    if question.choices:
        _choices(element, question)
    else:
        answer = ElementTree.SubElement(element, "answer", fraction="100")
        _text(answer, repr(question.value))
        ElementTree.SubElement(answer, "tolerance").text = repr(question.tolerance)
        _html(answer, "feedback", "")
    return element


def _choices(element: ElementTree.Element, question: Question) -> None:
    single = len(question.correct) == 1
    for tag, value in (("single", "true" if single else "false"), ("shuffleanswers", "true"),
                       ("answernumbering", "abc")):
        ElementTree.SubElement(element, tag).text = value
    wrong = len(question.choices) - len(question.correct)
    for i, choice in enumerate(question.choices):
        if i in question.correct:
            fraction = _fraction(100 / len(question.correct))
        else:
            fraction = "0" if single or not wrong else "-" + _fraction(100 / wrong)
        answer = ElementTree.SubElement(element, "answer", fraction=fraction, format="html")
        _text(answer, markup.to_html(choice, "tex", inline=True))
        _html(answer, "feedback", "")


def _fraction(percent: float) -> str:
    return f"{min(FRACTIONS, key=lambda f: abs(f - percent)):g}"


def _html(parent: ElementTree.Element, tag: str, markdown: str) -> None:
    _text(ElementTree.SubElement(parent, tag, format="html"), markup.to_html(markdown, "tex") if markdown else "")


def _text(parent: ElementTree.Element, value: str) -> None:
    ElementTree.SubElement(parent, "text").text = value
