"""``grade hint``: the next hint for the first failing check, one level deeper each time.

The check to help with is the first failing one of a part the student has written; a
part still raising ``NotImplementedError`` comes next, and a grader error last, so that
``grade hint 7`` helps with the part being worked on. When the check's output matches
known mistakes of the catalogue, the next hint of each is shown (a catalogue's hints go
from a nudge to nearly the answer, never the code), and the progress file remembers
how many were shown for that check and mistake, so asking again goes deeper, up to the
last. Otherwise the check's title, what failed on which input and a pointer to the
«Упражнение» section of the topic's page are shown.
"""

from __future__ import annotations

from grader import paths, workspace
from grader.results import CheckResult, Outcome, Report

# which failing check to help with first: lower comes first, then the report's order
PRIORITY = {Outcome.FAILED: 0, Outcome.ERROR: 0, Outcome.NOT_ATTEMPTED: 1, Outcome.GRADER_ERROR: 2}
_REREAD = ("В каталоге нет подсказки для такой ошибки. Перечитайте условие части {part}\n"
           "в разделе «Упражнение» на странице {page}\nи посчитайте ответ на этом входе вручную.")
POINTERS = {
    Outcome.FAILED: _REREAD,
    Outcome.ERROR: _REREAD,
    Outcome.NOT_ATTEMPTED: "Часть {part} ещё не написана: её условие — в разделе «Упражнение»\nна странице {page}.",
    Outcome.GRADER_ERROR: "Это ошибка проверяющей программы, а не вашего кода: сообщите о ней преподавателю.",
}


def first_failure(report: Report) -> CheckResult | None:
    """The failing check to help with, or None when every check passes."""
    failing = [r for r in report.results if r.outcome is not Outcome.PASSED]
    return min(failing, key=lambda r: PRIORITY[r.outcome], default=None)


def advise(report: Report, spec: str) -> str | None:
    """What ``grade hint <spec>`` prints, or None when every check passes.

    Records in the progress file which hint levels it showed.
    """
    failure = first_failure(report)
    if failure is None:
        return None
    lines = [f"{failure.key} {failure.function}: {failure.title}"]
    if not failure.hints:
        return "\n".join(lines + _pointer(failure, report) + ["", f"The full report: grade exercise {spec}"])
    shown = workspace.hints_shown()
    levels: dict[str, int] = {}
    deeper = False  # whether some matched mistake has a hint not shown yet
    for hint in failure.hints:
        key = f"{failure.key}:{hint.mistake}"
        level = levels[key] = min(int(shown.get(key, 0)) + 1, len(hint.hints))
        deeper = deeper or level < len(hint.hints)
        lines += [f"похоже на известную ошибку: {hint.title}",
                  f"подсказка {level} из {len(hint.hints)}: {hint.hints[level - 1]}"]
    workspace.record_hints(levels)
    lines += ["", f"The next hint: grade hint {spec}" if deeper else "Это последняя подсказка."]
    return "\n".join(lines)


def _pointer(failure: CheckResult, report: Report) -> list[str]:
    """What failed and on which input, and where the part's statement is."""
    details = list(failure.message)
    if failure.outcome is not Outcome.NOT_ATTEMPTED:
        details += failure.call
    pointer = POINTERS[failure.outcome].format(part=failure.part, page=_page(report.topic))
    return ["  " + line for line in details] + ["", pointer]


def _page(topic: int) -> str:
    pages = sorted((paths.course_root() / "questions").glob(f"{topic:02d}-*.md"))
    return f"questions/{pages[0].name}" if pages else "questions/"
