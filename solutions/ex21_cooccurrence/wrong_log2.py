"""Wrong variant of exercise 21: PMI with the binary logarithm instead of the natural one."""

PART = "ppmi"
TITLE = "двоичный логарифм log2 вместо натурального"
HINTS = (
    "Все ваши положительные значения отличаются от ожидаемых в одно и то же число раз. Какое это число?",
    "log2(x) = ln(x) / ln 2 ≈ 1.443 · ln(x): определение PMI в задании — с натуральным логарифмом.",
    "Используйте np.log, а не np.log2.",
)


def ppmi(counts):
    total = counts.sum()
    rows = counts.sum(axis=1, keepdims=True)
    cols = counts.sum(axis=0, keepdims=True)
    result = np.zeros(counts.shape)
    seen = counts > 0
    result[seen] = np.maximum(np.log2(counts[seen] * total / (rows * cols)[seen]), 0.0)
    return result
