"""Wrong variant of exercise 6: folds of size ceil(n / k), so only the last fold is short (the seed's wording)."""

PART = "kfold_indices"
TITLE = "фолды размера ⌈n/k⌉, короткий только последний"
HINTS = (
    "Какие размеры фолдов получаются у вас при n = 10, k = 4? А при n = 9, k = 4?",
    "При размере ⌈n/k⌉ последний фолд может оказаться намного короче остальных или даже пустым "
    "(9 = 3 + 3 + 3 + 0). В KFold размеры отличаются не больше чем на единицу.",
    "Первые n % k фолдов получают n // k + 1 элементов, остальные — n // k.",
)


def kfold_indices(n, k, rng=None):
    if not 2 <= k <= n:
        raise ValueError("bad k")
    order = np.arange(n) if rng is None else rng.permutation(n)
    size = -(-n // k)
    folds = []
    for i in range(k):
        val = np.sort(order[i * size:(i + 1) * size])
        folds.append((np.setdiff1d(np.arange(n), val), val))
    return folds
