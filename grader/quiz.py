"""``grade quiz``: theory questions in the terminal, with spaced repetition (a Leitner system).

Every question sits in a box from 1 to 5 (new questions are in no box). A right answer
moves it one box up, a wrong one back to box 1; a question in box b comes back after
``INTERVALS[b]`` days, so the ones you get wrong come back soonest. Checkable questions
are scored (choices, numbers within tolerance); for open ones the answer key is shown
and you say whether you knew it. The state is kept in the progress file under "quiz".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import unescape

from grader import math_html
from grader.bank import Page, Question

INTERVALS = {1: 1, 2: 2, 3: 4, 4: 8, 5: 16}  # days until a question in that box is due again


@dataclass(frozen=True)
class Card:
    """A question as the quiz asks it."""

    topic: int
    question: Question


def select(pages: Sequence[Page], state: dict[str, dict], today: datetime.date, *, count: int,
           weak: bool = False) -> list[Card]:
    """What to ask today: due questions first (the most overdue first), then new ones, in bank order.

    ``weak`` asks only questions answered wrongly before, the lowest box first.
    """
    cards = [Card(page.topic, q) for page in pages for q in page.questions]
    if weak:
        wrong = [c for c in cards if state.get(c.question.id, {}).get("wrong", 0)]
        return sorted(wrong, key=lambda c: (state[c.question.id]["box"], state[c.question.id]["due"]))[:count]
    due = [c for c in cards if c.question.id in state and state[c.question.id]["due"] <= today.isoformat()]
    new = [c for c in cards if c.question.id not in state]
    return (sorted(due, key=lambda c: state[c.question.id]["due"]) + new)[:count]


def record(state: dict[str, dict], question_id: str, correct: bool, today: datetime.date) -> dict:
    """The question's new entry after an answer (the state is updated in place too)."""
    entry = dict(state.get(question_id, {"box": 0, "seen": 0, "wrong": 0}))
    entry["box"] = min(entry["box"] + 1, max(INTERVALS)) if correct else 1
    entry["seen"] += 1
    entry["wrong"] += not correct
    entry["due"] = (today + datetime.timedelta(days=INTERVALS[entry["box"]])).isoformat()
    state[question_id] = entry
    return entry


def check(question: Question, answer: str) -> bool:
    """Whether a typed answer to a checkable question is right: choice numbers (1-based) or a number."""
    if question.choices:
        picked = {int(n) - 1 for n in re.findall(r"\d+", answer)}
        return picked == set(question.correct)
    try:
        value = float(answer.strip().replace(",", ".").replace("\u2212", "-"))
    except ValueError:
        return False
    return abs(value - question.value) <= question.tolerance


def plain(markdown: str) -> str:
    """Markdown for a terminal: linear formulas as text (σ(z), x_i, W^T), the rest left as $TeX$."""
    def formula(match: re.Match) -> str:
        html = math_html.to_html(match.group(1))
        if html is None:
            return match.group(0)
        html = re.sub(r"</?(?!su[bp]>)\w+[^>]*>", "", html)  # keep only the scripts' tags
        for tag, mark in (("sub", "_"), ("sup", "^")):  # x_i, e^(z_i), then a space before a letter
            html = re.sub(rf"<{tag}>(.*?)</{tag}>(\w?)",
                          lambda m, mark=mark: _script(mark, m.group(1), m.group(2)), html)
        return unescape(re.sub(r"<[^>]+>", "", html))

    return re.sub(r"\$([^$\n]+)\$", formula, markdown)


def _script(mark: str, text: str, after: str) -> str:
    return f"{mark}{text if len(text) == 1 else f'({text})'}{' ' + after if after else ''}"
