"""Topic ranges on the command line: ``7``, ``20-25`` or ``1-3,7,30-31``."""

from __future__ import annotations

import re

from grader.topics import topics

PIECE = re.compile(r"^(\d+)(?:-(\d+))?$")


def parse_topic_range(spec: str) -> tuple[int, ...]:
    """The topic numbers ``spec`` names, in increasing order, each once.

    Raises ``ValueError`` with a one-line message for a malformed spec, a reversed
    range (``25-20``) or a topic number outside the exam's list.
    """
    count = len(topics())
    numbers: set[int] = set()
    for piece in spec.split(","):
        match = PIECE.match(piece.strip())
        if not match:
            raise ValueError(f"malformed topic range {spec!r}: expected e.g. 7, 20-25 or 1-3,7,30-31")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        for number in (first, last):
            if not 1 <= number <= count:
                raise ValueError(f"no topic {number}: topics are numbered 1-{count}")
        if last < first:
            raise ValueError(f"topic range {piece.strip()} runs backwards: write {last}-{first}")
        numbers.update(range(first, last + 1))
    return tuple(sorted(numbers))
