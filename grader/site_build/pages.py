"""The site's HTML pages from the bank: home, one page per topic, a ticket to draw, search and 404.

Jinja2 templates from the course's ``site/templates``; Markdown through
``grader.site_build.render``. Questions and exercise parts are rendered as components:
a question's answer is hidden until clicked, and a checkable one (choices, or a number
with a tolerance) is scored in the page by ``site/static/site.js``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from statistics import mean
from typing import Any

import jinja2
from markupsafe import Markup

from grader import markup
from grader.bank import Page, Question, Task
from grader.exam_pool import Pool
from grader.exercise import Exercise
from grader.papers import KIND_NAMES
from grader.russian import plural
from grader.site_build.render import Block, Renderer
from grader.site_build.search import Document
from grader.site_build.stubs import signatures
from grader.tickets import DrawError, Request, Ticket, ticket_code
from grader.topics import SECTIONS, topic, topics

SITE_TITLE = "Глубокое обучение: 41 тема к экзамену"
TICKETS = 100  # tickets drawn for the "draw a ticket" page: 200 question slots over the whole bank
TICKET_SEED = 0
FRAMEWORKS = {"numpy": "NumPy", "torch": "PyTorch"}


@dataclass
class Pages:
    """Renders every page of one bank; ``html`` maps file names to documents."""

    bank: list[Page]
    exercises: dict[int, Exercise]
    version: str
    templates: Path

    def __post_init__(self) -> None:
        self.renderer = Renderer(tuple(self.links.items()))
        self.html: dict[str, bytes] = {}
        self.documents: list[Document] = []
        self.images: set[str] = set()
        self._fragments: dict[str, dict[str, Any]] = {}  # rendered once per question id or task part
        self._numbers: dict[str, tuple[Page, int]] = {}  # question id: its page and number there
        self._signatures: dict[str, dict[str, str]] = {}  # exercise id: its parts' signatures

    @cached_property
    def links(self) -> dict[int, str]:
        return {page.topic: page_file(page) for page in self.bank}

    @cached_property
    def environment(self) -> jinja2.Environment:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(self.templates), autoescape=True,
                                 undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        env.globals.update(site_title=SITE_TITLE, plural=plural, decimal=lambda x: f"{x:g}")
        return env

    def render_all(self) -> None:
        for i, page in enumerate(self.bank):
            self.topic_page(page, self.bank[i - 1] if i else None, self.bank[i + 1] if i + 1 < len(self.bank) else None)
        self._write("index.html", "index.html.j2", sections=self._home_sections())
        self._write("ticket.html", "ticket.html.j2", tickets=self._tickets(), seed=TICKET_SEED)
        self._write("search.html", "search.html.j2")
        self._write("404.html", "404.html.j2")

    def topic_page(self, page: Page, previous: Page | None, following: Page | None) -> None:
        info = topic(page.topic)
        exercise = self.exercises.get(page.topic)
        blocks = {q.line: self._question(page, q, n + 1, q.id) for n, q in enumerate(page.questions)}
        blocks |= self._tasks(page, exercise) if exercise else {}
        body = self.renderer.page(page.body, page.path, _first_body_line(page), blocks, info.title)
        self.images |= body.images
        url = page_file(page)
        self.documents += [Document(f"{url}#{s.id}" if s.id else url, f"{page.topic}. {info.title}", s.title, s.text)
                           for s in body.sections]
        self._write(url, "topic.html.j2", topic=info, page=page, body=body, stats=self._stats(page),
                    exercise=self._exercise(exercise), previous=self._neighbour(previous),
                    following=self._neighbour(following),
                    related=[self._neighbour(p) for p in self.bank if p.topic in page.related])

    # ---- components ------------------------------------------------------------------

    def _question(self, page: Page, q: Question, number: int, dom_id: str) -> Block:
        if q.id not in self._fragments:
            fragment = self.renderer.fragment
            text = fragment(q.text, page.path, q.line)
            choices = [fragment(c, page.path, q.line, inline=True) for c in q.choices]
            self._fragments[q.id] = {"text": text.html, "answer": fragment(q.answer, page.path, q.line).html,
                                     "choices": [c.html for c in choices],
                                     "plain": " ".join([text.text, *(c.text for c in choices)])}
            self._numbers[q.id] = (page, number)
        parts = self._fragments[q.id]
        html = self._component("_question.html.j2", q=q, number=number, dom_id=dom_id, kind=KIND_NAMES[q.kind],
                               text=parts["text"], choices=parts["choices"], answer=parts["answer"])
        return Block(html, parts["plain"])

    def _tasks(self, page: Page, exercise: Exercise) -> dict[int, Block]:
        blocks = {}
        for i, task in enumerate(page.tasks):
            html = self._task(page, task, exercise, _part_id(task.part))
            if i == 0:
                html = self._component("_exercise.html.j2", exercise=self._exercise(exercise)) + html
            blocks[task.line] = Block(html, self._fragments[task.part]["plain"])
        return blocks

    def _task(self, page: Page, task: Task, exercise: Exercise, dom_id: str) -> Markup:
        part = exercise.part(task.part)
        if task.part not in self._fragments:
            if exercise.id not in self._signatures:
                self._signatures[exercise.id] = signatures(exercise.stub_path, exercise.part_names)
            statement = self.renderer.fragment(task.statement, page.path, task.line)
            self._fragments[task.part] = {
                "statement": statement.html, "plain": statement.text,
                "signature": Markup(markup.highlight(self._signatures[exercise.id][part.name], "python"))}
        parts = self._fragments[task.part]
        return self._component("_task.html.j2", part=part, dom_id=dom_id, stub=_stub_name(exercise),
                               statement=parts["statement"], signature=parts["signature"])

    def _exercise(self, exercise: Exercise | None) -> dict[str, Any] | None:
        if exercise is None:
            return None
        return {"topic": exercise.topic, "stub": _stub_name(exercise), "framework": FRAMEWORKS[exercise.framework],
                "parts": len(exercise.parts), "points": exercise.max_score}

    def _component(self, template: str, **context: Any) -> Markup:
        return Markup(self.environment.get_template(template).render(**context))

    # ---- pages built from several topics ------------------------------------------------

    def _home_sections(self) -> list[dict[str, Any]]:
        pages = {page.topic: page for page in self.bank}
        cards = [{"topic": t, "url": self.links.get(t.number), "page": pages.get(t.number),
                  "stats": self._stats(pages[t.number]) if t.number in pages else None,
                  "exercise": self._exercise(self.exercises.get(t.number))} for t in topics()]
        return [{"name": name, "cards": [c for c in cards if c["topic"].section == name]} for name in SECTIONS]

    def _tickets(self) -> list[dict[str, Any]]:
        """Tickets drawn as ``grade tickets`` draws them; none when the pages cannot make balanced ones.

        The course's 41 topics always can; a bank of a few pages (an author's draft, a
        test) gets a ticket page that says why it is empty.
        """
        pool = Pool({page.topic: page for page in self.bank}, self.version)
        request = Request(min(TICKETS, len(pool.question_items()) // 2), seed=TICKET_SEED)
        try:
            drawn = pool.draw(request, with_tasks=bool(pool.task_items()))
        except (DrawError, ValueError):
            return []
        return [self._ticket(pool, ticket) for ticket in drawn]

    def _ticket(self, pool: Pool, ticket: Ticket) -> dict[str, Any]:
        questions = []
        for index, item in enumerate(ticket.questions):
            page, number = self._numbers[item.id]
            block = self._question(page, pool.questions[item.id], index + 1, f"b{ticket.number}-{item.id}")
            questions.append({"topic": topic(page.topic), "number": number, "url": f"{page_file(page)}#{item.id}",
                              "html": block.html})
        task = None
        if ticket.task:
            page, part = pool.pages[ticket.task.topic], ticket.task.id
            html = self._task(page, pool.tasks[part], self.exercises[page.topic], f"b{ticket.number}-{_part_id(part)}")
            task = {"topic": topic(page.topic), "url": f"{page_file(page)}#{_part_id(part)}", "html": html}
        return {"number": ticket.number, "code": ticket_code(self.version, TICKET_SEED, ticket.number),
                "questions": questions, "task": task}

    def _stats(self, page: Page) -> dict[str, Any]:
        difficulty = mean(q.difficulty for q in page.questions) if page.questions else None
        return {"questions": len(page.questions), "checkable": sum(q.checkable for q in page.questions),
                "difficulty": difficulty}

    def _neighbour(self, page: Page | None) -> dict[str, Any] | None:
        return {"topic": topic(page.topic), "url": page_file(page)} if page else None

    def _write(self, name: str, template: str, **context: Any) -> None:
        self.html[name] = self.environment.get_template(template).render(
            **context, page_name=name).encode("utf-8")


def page_file(page: Page) -> str:
    """The site's file for a topic page: ``questions/25-lstm.md`` becomes ``25-lstm.html``."""
    return f"{page.path.stem}.html"


def _first_body_line(page: Page) -> int:
    """The line of the page file where ``page.body`` starts (after the front matter)."""
    total = page.path.read_text(encoding="utf-8").count("\n")
    return total - page.body.count("\n") + 1


def _part_id(part: str) -> str:
    return f"part-{part.replace('.', '-')}"


def _stub_name(exercise: Exercise) -> str:
    return f"exercises/{exercise.stub_path.name}"

