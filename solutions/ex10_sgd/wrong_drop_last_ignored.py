"""Wrong variant of exercise 10: drop_last is ignored, the short batch is always kept."""

PART = "minibatch_indices"
TITLE = "флаг drop_last не учитывается: неполный батч остаётся"
HINTS = (
    "Что возвращает ваша функция при n = 10, batch_size = 4 и drop_last=True?",
    "drop_last=True в DataLoader выбрасывает последний батч, если он короче batch_size.",
    "При drop_last=True батчей ⌊n / batch_size⌋, и все они полные.",
)


def minibatch_indices(n, batch_size, rng, drop_last=False):
    perm = rng.permutation(n)
    return [perm[start:start + batch_size] for start in range(0, n, batch_size)]
