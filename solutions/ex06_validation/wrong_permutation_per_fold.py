"""Wrong variant of exercise 6: a new permutation is drawn for every fold, so the folds overlap."""

PART = "kfold_indices"
TITLE = "новая перестановка для каждого фолда"
HINTS = (
    "Объедините валидационные фолды: каждый ли индекс встречается ровно один раз?",
    "Если перемешивать заново перед каждым фолдом, фолды берутся из разных перестановок, "
    "пересекаются и что-то пропускают — это уже не разбиение выборки.",
    "Вызовите rng.permutation(n) один раз до цикла и режьте на фолды одну и ту же перестановку.",
)


def kfold_indices(n, k, rng=None):
    if not 2 <= k <= n:
        raise ValueError("bad k")
    sizes = [n // k + (1 if i < n % k else 0) for i in range(k)]
    folds, start = [], 0
    for size in sizes:
        order = np.arange(n) if rng is None else rng.permutation(n)
        val = np.sort(order[start:start + size])
        folds.append((np.setdiff1d(np.arange(n), val), val))
        start += size
    return folds
