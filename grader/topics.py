"""The 41 exam topics, read from ``topics.toml`` (the only place titles are written)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SECTIONS = ("Основы нейросетей", "Обучение и регуляризация", "Свёрточные сети",
            "Тексты и последовательности", "Внимание и трансформеры", "PyTorch")


@dataclass(frozen=True)
class Topic:
    number: int
    exam_title: str  # the exam list's wording (obvious typos fixed)
    title: str  # short display title
    title_en: str
    section: str
    exam_title_note: str = ""  # what the exam list had, where a typo was fixed


@cache
def topics() -> tuple[Topic, ...]:
    """All 41 topics in exam order."""
    data = tomllib.loads(Path(__file__).with_name("topics.toml").read_text(encoding="utf-8"))
    return tuple(Topic(**row) for row in data["topic"])


def topic(number: int) -> Topic:
    return topics()[number - 1]
