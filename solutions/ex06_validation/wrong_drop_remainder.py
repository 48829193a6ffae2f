"""Wrong variant of exercise 6: every fold has n // k elements and the remainder never gets validated."""

PART = "kfold_indices"
TITLE = "все фолды по n // k элементов, остаток не попадает ни в один фолд"
HINTS = (
    "Проверьте, что каждый индекс 0..n−1 хотя бы раз оказывается в валидационном фолде.",
    "При n, не кратном k, n % k объектов у вас никогда не валидируются — оценка строится не по всей выборке.",
    "Раздайте остаток n % k по одному первым фолдам.",
)


def kfold_indices(n, k, rng=None):
    if not 2 <= k <= n:
        raise ValueError("bad k")
    order = np.arange(n) if rng is None else rng.permutation(n)
    size = n // k
    folds = []
    for i in range(k):
        val = np.sort(order[i * size:(i + 1) * size])
        folds.append((np.setdiff1d(np.arange(n), val), val))
    return folds
