"""Russian grammar the generated pages need: agreement of a noun with a number."""

from __future__ import annotations


def plural(n: float, one: str, few: str, many: str) -> str:
    """Russian agreement with a number: «1 балл», «3 балла», «5 баллов», «2.5 балла»."""
    if n != int(n):
        return f"{n:g} {few}"
    n = int(n)
    if n % 10 == 1 and n % 100 != 11:
        return f"{n} {one}"
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return f"{n} {few}"
    return f"{n} {many}"
