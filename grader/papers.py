"""Exam papers from the bank: tickets, the examiner's answer key and question sheets, as HTML, Markdown or PDF.

Templates live in ``grader/templates``; HTML and PDF share one template (PDF is that HTML
printed by WeasyPrint), Markdown has its own. Formulas are drawn as SVG at build time
(``grader.markup``), so every output is self-contained and renders offline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from typing import Any, Literal

import jinja2

from grader import catalog, markup, mistakes, pdf
from grader.bank import Question
from grader.exam_pool import Pool
from grader.russian import plural
from grader.tickets import Request, Ticket, ticket_code
from grader.topics import topic

Format = Literal["pdf", "html", "md"]
FORMATS: tuple[Format, ...] = ("pdf", "html", "md")
PDF_CHUNK = 10  # tickets per separately printed part of a PDF
KIND_NAMES = {"definition": "определение", "derivation": "вывод", "comparison": "сравнение",
              "code_reading": "чтение кода", "numeric": "расчёт", "find_error": "найти ошибку"}


@dataclass(frozen=True)
class Header:
    """What the top and the bottom of every ticket say."""

    university: str = "Университет"
    course: str = "Глубокое обучение"
    examiner: str = ""
    date: str = ""
    question_points: int = 10
    task_points: int = 20
    per_page: int = 1


def ticket_papers(pool: Pool, tickets: list[Ticket], request: Request, header: Header,
                  fmt: Format, printer: pdf.Printer | None = None) -> dict[str, bytes]:
    """The tickets and the examiner's answer key, by file name (PDFs printed by ``printer``)."""
    context = {"header": header, "bank": pool.version, "seed": request.seed, "count": len(tickets)}
    items = [_ticket(pool, t, request, header) for t in tickets]
    # PDFs are printed in chunks of tickets, in parallel, then joined; the chunk size is fixed
    # so that the bytes never depend on the machine's number of cores
    chunks = [items[i:i + PDF_CHUNK] for i in range(0, len(items), PDF_CHUNK)] if fmt == "pdf" else [items]
    documents = [[partial(_render, name, fmt, {**context, "title": title, "tickets": chunk, "opening": i == 0})
                  for i, chunk in enumerate(chunks)]
                 for name, title in (("tickets", "Экзаменационные билеты"), ("key", "Ключ к экзаменационным билетам"))]
    return dict(zip((f"tickets.{fmt}", f"answer-key.{fmt}"), _finish(documents, fmt, printer), strict=True))


def question_sheet(pool: Pool, answers: bool, fmt: Format) -> bytes:
    """Every theory question of the pool's topics, grouped by topic, with or without the answer keys."""
    first, last = min(pool.pages), max(pool.pages)
    span = f"тема {first}" if first == last else f"темы {first}–{last}"
    title = f"Вопросы к экзамену: {span}" + (" (с ответами)" if answers else "")
    sections = [{"topic": topic(n), "questions": [_question(q) for q in page.questions]}
                for n, page in pool.pages.items()]
    page = partial(_render, "sheet", fmt, {"title": title, "sections": sections, "answers": answers,
                                           "bank": pool.version})
    return _finish([[page]], fmt, None)[0]


def _ticket(pool: Pool, ticket: Ticket, request: Request, header: Header) -> dict[str, Any]:
    questions = pool.questions
    items = [{**_question(questions[q.id]), "topic": topic(q.topic), "points": header.question_points}
             for q in ticket.questions]
    return {"number": ticket.number, "code": ticket_code(pool.version, request.seed, ticket.number),
            "questions": items, "task": _task(pool, ticket.task.id, header) if ticket.task else None,
            "total": header.question_points * len(items) + (header.task_points if ticket.task else 0),
            "difficulty": ticket.difficulty}


def _question(question: Question) -> dict[str, Any]:
    return {"id": question.id, "kind": KIND_NAMES[question.kind], "difficulty": question.difficulty,
            "text": question.text, "answer": question.answer,
            "choices": [{"text": c, "correct": i in question.correct} for i, c in enumerate(question.choices)],
            "value": question.value, "tolerance": question.tolerance}


def _task(pool: Pool, part_number: str, header: Header) -> dict[str, Any]:
    exercise, part = catalog.find(part_number)
    wrong = [v.title for v in mistakes.catalogue(exercise) if v.is_wrong and v.part == part.name]
    return {"part": part_number, "function": part.name, "exercise": exercise.id, "topic": topic(exercise.topic),
            "statement": pool.tasks[part_number].statement, "points": header.task_points,
            "checks": [{"title": c.title, "points": c.points} for c in part.checks],
            "auto_points": part.max_score, "mistakes": wrong}


def _render(name: str, fmt: Format, context: dict[str, Any]) -> str:
    suffix = "md" if fmt == "md" else "html"
    return _environment(suffix).get_template(f"{name}.{suffix}.j2").render(
        **context, css=_stylesheet() if suffix == "html" else "")


def _finish(documents: list[list[pdf.Page]], fmt: Format, printer: pdf.Printer | None) -> list[bytes]:
    """Each document from its parts: Markdown and HTML as UTF-8 (one part), PDF printed and joined."""
    if fmt == "pdf":
        return (printer or pdf.Printer(workers=1)).documents(documents)
    return [page().encode("utf-8") for pages in documents for page in pages]


@cache
def _environment(suffix: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("grader", "templates"), autoescape=suffix == "html",
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    env.filters.update(markdown=_markdown_filter(False), markdown_inline=_markdown_filter(True),
                       points=lambda n: plural(n, "балл", "балла", "баллов"),
                       stars=lambda n: "★" * n + "☆" * (3 - n), number=lambda x: f"{x:g}")
    return env


def _markdown_filter(inline: bool) -> Callable[[str], str]:
    return lambda text: jinja2.utils.markupsafe.Markup(markup.to_html(text, "print", inline=inline, highlight=False))


@cache
def _stylesheet() -> str:
    from importlib.resources import files

    return files("grader").joinpath("templates/papers.css").read_text(encoding="utf-8")
