"""The student edition's README: a short header, then the course README's sections for students."""

from __future__ import annotations

import re

SECTIONS = ("For students", "How grading works")  # of the course README, copied as they are
GPU_SECTION = "Other machines, and GPUs"


class ReadmeError(Exception):
    """The course README lacks a section the edition's README is made of."""


def edition_readme(course_readme: str, topics: tuple[int, ...], version: str) -> str:
    """The README of an edition of ``topics``, built from dl-exam ``version``."""
    header = f"""# dl-exam: student edition

{describe_topics(topics).capitalize()} of the deep-learning exam course: each topic's page in
`questions/`, its exercise stub in `exercises/`, and the grader that checks your solution.
Built from dl-exam {version}.

## Install

```sh
./setup.sh && .venv/bin/grade list
```

`setup.sh` needs Python 3.11 or newer with `venv`; it installs the pinned CPU build of
torch and the grader into `.venv`.

"""
    footer = """## This edition

It has no reference solutions. When your output is wrong the way a known mistake makes it
wrong, the grader recognises the mistake from fingerprints of its outputs
(`grader/fingerprints.json`), recorded at the default seed: with another `--seed` you get
each check's message and input, but no hints.
"""
    body = [section(course_readme, GPU_SECTION)] + [section(course_readme, title) for title in SECTIONS]
    return header + "\n".join(body) + "\n" + footer


def section(markdown: str, title: str) -> str:
    """The section headed ``title`` (any level), up to the next heading of the same or a higher level."""
    match = re.search(rf"^(#+) {re.escape(title)}[ \t]*$", markdown, flags=re.MULTILINE)
    if not match:
        raise ReadmeError(f"README.md has no section '{title}' for the student edition's README")
    level = len(match.group(1))
    end = re.compile(rf"^#{{1,{level}}} ", flags=re.MULTILINE).search(markdown, match.end())
    return markdown[match.start():end.start() if end else len(markdown)].rstrip() + "\n"


def describe_topics(numbers: tuple[int, ...]) -> str:
    """``topic 7`` or ``topics 1-3,7``: increasing topic numbers written as ``grade`` reads ranges."""
    pieces: list[list[int]] = []
    for n in numbers:
        if pieces and n == pieces[-1][-1] + 1:
            pieces[-1].append(n)
        else:
            pieces.append([n])
    spans = ",".join(str(p[0]) if len(p) == 1 else f"{p[0]}-{p[-1]}" for p in pieces)
    return f"topic {spans}" if len(numbers) == 1 else f"topics {spans}"
