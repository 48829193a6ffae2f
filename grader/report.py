"""Render a grading report: readable text for a terminal, or Gradescope's results.json.

The text fits 80 columns: sentences (check titles, messages, hints) are wrapped, while
data (a failing call's arguments, tracebacks, what the code printed) keeps its lines,
cut short only when very long. Colour and symbols are for a terminal only
(``wants_color``); without them the text is plain words (PASS, FAIL, ...) for logs.
"""

from __future__ import annotations

import json
import os
import textwrap
from typing import Any, TextIO

import click

from grader.results import CheckResult, Outcome, Report

MAX_OUTPUT_CHARS = 1500
MAX_LINE_CHARS = 160
WIDTH = 80
DETAIL_INDENT = " " * 8
MARKS = {Outcome.PASSED: "PASS", Outcome.FAILED: "FAIL", Outcome.ERROR: "ERROR",
         Outcome.NOT_ATTEMPTED: "TODO", Outcome.GRADER_ERROR: "BUG"}
SYMBOLS = {Outcome.PASSED: "✓", Outcome.FAILED: "✗", Outcome.ERROR: "✗",
           Outcome.NOT_ATTEMPTED: "○", Outcome.GRADER_ERROR: "!"}
STYLES: dict[Outcome, dict[str, Any]] = {
    Outcome.PASSED: {"fg": "green"}, Outcome.FAILED: {"fg": "red"}, Outcome.ERROR: {"fg": "red"},
    Outcome.NOT_ATTEMPTED: {"fg": "yellow", "dim": True}, Outcome.GRADER_ERROR: {"fg": "red", "bold": True}}
SHOWN_KEYS = 4  # failing checks named in the summary line


def wants_color(stream: TextIO) -> bool:
    """Colour on a terminal, unless NO_COLOR is set to anything non-empty (https://no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


def render_text(report: Report, color: bool = False) -> str:
    """The report for a terminal or a log; ``color`` adds ANSI colours and symbols to the verdicts."""
    header = _wrap(f"Exercise {report.topic}: {report.title}  ({report.submission})", "", "  ")
    return "\n".join([*header, "", *render_checks(report.results, color), "", summary_line(report, color)])


def render_checks(results: list[CheckResult], color: bool = False) -> list[str]:
    """The lines of some checks, under the heading of each part they belong to."""
    lines: list[str] = []
    part = None
    for result in results:
        if result.part != part:
            part = result.part
            if lines:
                lines.append("")
            lines.append(f"{result.part} {result.function}")
        lines += _check_lines(result, color)
        for text, prose in _detail_lines(result):
            lines += _wrap(text, DETAIL_INDENT, DETAIL_INDENT + "  ") if prose else [DETAIL_INDENT + text]
    return lines


def summary_line(report: Report, color: bool = False) -> str:
    """``Score: 13/15 — 1 check failed (7.1.2)``: the report's last line, and all that ``--quiet`` prints."""
    score = f"Score: {_number(report.score)}/{_number(report.max_score)}"
    if report.full_marks:
        line = f"{score} — all {_count(len(report.results), 'check')} passed"
    else:
        failed = _keys(report, Outcome.FAILED, Outcome.ERROR)
        todo = _keys(report, Outcome.NOT_ATTEMPTED)
        bugs = _keys(report, Outcome.GRADER_ERROR)
        parts = [f"{_count(len(failed), 'check')} failed ({_list(failed)})"] if failed else []
        parts += [f"{len(todo)} not attempted"] if todo else []
        parts += [f"{_count(len(bugs), 'grader error')} ({_list(bugs)}): please tell the teacher"] if bugs else []
        line = f"{score} — {'; '.join(parts)}"
    return click.style(line, fg="green" if report.full_marks else "red", bold=True) if color else line


def _check_lines(result: CheckResult, color: bool) -> list[str]:
    """``  FAIL  0/2  7.1.2 title``, the title wrapped under itself; the verdict styled if ``color``."""
    verdict = f"{SYMBOLS[result.outcome]} {MARKS[result.outcome]}" if color else MARKS[result.outcome]
    width = max(len(f"{SYMBOLS[o]} {m}") if color else len(m) for o, m in MARKS.items())
    prefix = f"  {verdict:{width}} {_points(result)}  "
    lines = _wrap(f"{result.key} {result.title}", prefix, " " * len(prefix))
    if color:
        lines[0] = "  " + click.style(verdict, **STYLES[result.outcome]) + lines[0][2 + len(verdict):]
    return lines


def _wrap(text: str, indent: str, hanging: str) -> list[str]:
    """A sentence wrapped to WIDTH columns; numbers like 1e-10 and long words stay whole."""
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=hanging,
                         break_long_words=False, break_on_hyphens=False) or [indent.rstrip()]


def _keys(report: Report, *outcomes: Outcome) -> list[str]:
    return [r.key for r in report.results if r.outcome in outcomes]


def _list(keys: list[str]) -> str:
    return ", ".join(keys[:SHOWN_KEYS] + (["…"] if len(keys) > SHOWN_KEYS else []))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _details(result: CheckResult) -> list[str]:
    return [text for text, _ in _detail_lines(result)]


def _detail_lines(result: CheckResult) -> list[tuple[str, bool]]:
    """What a check that did not pass says, line by line, each with whether it is prose (may be wrapped).

    Data lines are cut short at MAX_LINE_CHARS.
    """
    if result.outcome is Outcome.PASSED:
        return []
    lines = [(line, _is_prose(line)) for message in result.message for line in message.splitlines()]
    if result.outcome is not Outcome.NOT_ATTEMPTED:
        lines += [(_clip_line(line), False) for line in result.call]
    if result.traceback:
        lines += [("ваш код:", True)] + [("  " + _clip_line(line), False)
                                         for line in result.traceback.rstrip().splitlines()]
    for hint in result.hints:
        lines += [(f"похоже на известную ошибку: {hint.title}", True), (f"подсказка: {hint.hints[0]}", True)]
    if result.output:
        lines += [("ваш код напечатал:", True)] + [("  " + line, False) for line in _clip(result.output).splitlines()]
    return lines


def _is_prose(line: str) -> bool:
    """A sentence, not data: indented lines and array or tuple dumps keep their layout."""
    return bool(line) and not line[0].isspace() and line[0] not in "[({"


def _clip(text: str) -> str:
    """The start of what the student printed: at most MAX_OUTPUT_CHARS, lines cut short."""
    lines = [_clip_line(line) for line in text[:MAX_OUTPUT_CHARS].splitlines()]
    if len(text) > MAX_OUTPUT_CHARS:
        lines.append(f"... (ещё {len(text) - MAX_OUTPUT_CHARS} символов)")
    return "\n".join(lines)


def _clip_line(line: str) -> str:
    return line if len(line) <= MAX_LINE_CHARS else line[:MAX_LINE_CHARS] + " ..."


def _points(result: CheckResult) -> str:
    return f"{_number(result.points)}/{_number(result.max_points)}"


def _number(value: float) -> str:
    return f"{value:g}"


def gradescope(report: Report) -> dict[str, Any]:
    """The report as Gradescope's autograder ``results.json``."""
    return {
        "score": report.score,
        "max_score": report.max_score,
        "execution_time": round(report.elapsed, 3),
        "output": f"Exercise {report.topic}. {summary_line(report)}",
        "tests": [{
            "name": f"{r.key} {r.function}: {r.title}",
            "number": r.key,
            "score": r.points,
            "max_score": r.max_points,
            "status": "passed" if r.outcome is Outcome.PASSED else "failed",
            "output": "\n".join(_details(r)),
            "tags": [r.outcome.value],
        } for r in report.results],
        "extra_data": {"exercise": report.exercise_id, "seed": report.seed,
                       "submission": str(report.submission)},
    }


def gradescope_error(message: str, max_score: float = 0.0) -> dict[str, Any]:
    """A results.json for a submission that could not be graded at all."""
    return {"score": 0.0, "max_score": max_score, "output": f"error: {message}", "tests": []}


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
