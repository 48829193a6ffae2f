"""Wrong variant of exercise 23: sampling without replacement, so ids never repeat (and k > V fails)."""

PART = "sample_negatives"
TITLE = "выбор без возвращения (replace=False): id не повторяются, при k > V — ошибка"
HINTS = (
    "Что будет, если попросить больше негативов, чем слов с ненулевой вероятностью?",
    "Негативы выбираются независимо друг от друга: одно и то же частое слово может выпасть несколько раз.",
    "Выбирайте с возвращением: replace=True (так и по умолчанию в rng.choice).",
)


def sample_negatives(dist, k, rng):
    return rng.choice(len(dist), size=k, replace=False, p=dist)
