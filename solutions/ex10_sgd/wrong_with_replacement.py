"""Wrong variant of exercise 10: indices drawn with replacement (rng.integers) instead of a permutation."""

PART = "minibatch_indices"
TITLE = "индексы выбираются с возвращением: одни примеры повторяются, другие пропадают"
HINTS = (
    "Встречается ли у вас каждый индекс за эпоху ровно один раз?",
    "rng.integers(0, n, size=n) — выборка с возвращением; эпоха же — это один проход по всем примерам.",
    "Нужна перестановка: rng.permutation(n), разрезанная на куски.",
)


def minibatch_indices(n, batch_size, rng, drop_last=False):
    order = rng.integers(0, n, size=n)
    stop = n - n % batch_size if drop_last else n
    return [order[start:start + batch_size] for start in range(0, stop, batch_size)]
