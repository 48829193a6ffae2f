"""The question bank as a pool to draw tickets from: the theory questions and practical tasks of a topic range."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from grader import bank
from grader.bank import Page, Question, Task
from grader.tickets import Item, Request, Ticket, draw


@dataclass(frozen=True)
class Pool:
    pages: dict[int, Page]  # the requested topics' pages, by topic number
    version: str  # bank.version(): a hash of the bank's content

    @cached_property
    def questions(self) -> dict[str, Question]:
        return {q.id: q for page in self.pages.values() for q in page.questions}

    @cached_property
    def tasks(self) -> dict[str, Task]:
        return {t.part: t for page in self.pages.values() for t in page.tasks}

    def question_items(self) -> list[Item]:
        return [Item(q.id, page.topic, q.difficulty) for page in self.pages.values() for q in page.questions]

    def task_items(self) -> list[Item]:
        return [Item(t.part, page.topic) for page in self.pages.values() for t in page.tasks]

    def draw(self, request: Request, with_tasks: bool = True) -> list[Ticket]:
        return draw(self.question_items(), self.task_items() if with_tasks else [], request)


def load_pool(topics: Sequence[int] | None = None, folder: Path | None = None) -> Pool:
    """The bank's pages for ``topics`` (all by default); raises bank.BankError on a malformed bank."""
    pages = {page.topic: page for page in bank.load_bank(folder)}
    wanted = sorted(topics) if topics else sorted(pages)
    missing = [t for t in wanted if t not in pages]
    if missing:
        raise bank.BankError([f"questions/: no page for topic {', '.join(map(str, missing))}"])
    return Pool({t: pages[t] for t in wanted}, bank.version(folder))
