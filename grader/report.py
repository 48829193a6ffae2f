"""Render a grading report: readable text for a terminal, or Gradescope's results.json."""

from __future__ import annotations

import json
from typing import Any

from grader.results import CheckResult, Outcome, Report

MAX_OUTPUT_CHARS = 1500
MAX_LINE_CHARS = 160
MARKS = {Outcome.PASSED: "PASS", Outcome.FAILED: "FAIL", Outcome.ERROR: "ERROR",
         Outcome.NOT_ATTEMPTED: "TODO", Outcome.GRADER_ERROR: "BUG"}


def render_text(report: Report) -> str:
    lines = [f"Exercise {report.topic}: {report.title}  ({report.submission})", ""]
    part = None
    for result in report.results:
        if result.part != part:
            part = result.part
            if lines[-1]:
                lines.append("")
            lines.append(f"{result.part} {result.function}")
        lines.append(f"  {MARKS[result.outcome]:5} {_points(result)}  {result.key} {result.title}")
        lines += [f"        {line}" for detail in _details(result) for line in detail.splitlines()]
    lines += ["", f"Score: {_number(report.score)}/{_number(report.max_score)}"
                  f"  ({_summary(report)}; {report.elapsed:.1f} s)"]
    return "\n".join(lines)


def _details(result: CheckResult) -> list[str]:
    if result.outcome is Outcome.PASSED:
        return []
    lines = list(result.message)
    if result.outcome is not Outcome.NOT_ATTEMPTED:
        lines += result.call
    if result.traceback:
        lines += ["ваш код:"] + ["  " + line for line in result.traceback.rstrip().splitlines()]
    for hint in result.hints:
        lines += [f"похоже на известную ошибку: {hint.title}", f"подсказка: {hint.hints[0]}"]
    if result.output:
        lines += ["ваш код напечатал:"] + ["  " + line for line in _clip(result.output).splitlines()]
    return lines


def _clip(text: str) -> str:
    """The start of what the student printed: at most MAX_OUTPUT_CHARS, lines cut short."""
    lines = [line if len(line) <= MAX_LINE_CHARS else line[:MAX_LINE_CHARS] + " ..."
             for line in text[:MAX_OUTPUT_CHARS].splitlines()]
    if len(text) > MAX_OUTPUT_CHARS:
        lines.append(f"... (ещё {len(text) - MAX_OUTPUT_CHARS} символов)")
    return "\n".join(lines)


def _points(result: CheckResult) -> str:
    return f"{_number(result.points)}/{_number(result.max_points)}"


def _number(value: float) -> str:
    return f"{value:g}"


def _summary(report: Report) -> str:
    counts = {o: sum(r.outcome is o for r in report.results) for o in Outcome}
    parts = [f"{counts[Outcome.PASSED]} of {len(report.results)} checks passed"]
    if counts[Outcome.NOT_ATTEMPTED]:
        parts.append(f"{counts[Outcome.NOT_ATTEMPTED]} not attempted")
    if counts[Outcome.GRADER_ERROR]:
        parts.append(f"{counts[Outcome.GRADER_ERROR]} grader errors: please tell the teacher")
    return ", ".join(parts)


def gradescope(report: Report) -> dict[str, Any]:
    """The report as Gradescope's autograder ``results.json``."""
    return {
        "score": report.score,
        "max_score": report.max_score,
        "execution_time": round(report.elapsed, 3),
        "output": f"Exercise {report.topic}: {_number(report.score)}/{_number(report.max_score)} "
                  f"({_summary(report)})",
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
