"""Wrong variant of exercise 21: PMI is returned without clipping the negative values at zero."""

PART = "ppmi"
TITLE = "отрицательные значения PMI не обрезаются нулём (получается PMI, а не PPMI)"
HINTS = (
    "Могут ли в вашей матрице оказаться отрицательные числа? А в PPMI?",
    "PMI < 0, когда пара встречается реже, чем при независимости слов; такие оценки "
    "ненадёжны, и PPMI заменяет их нулём.",
    "После логарифма возьмите поэлементный максимум с нулём.",
)


def ppmi(counts):
    total = counts.sum()
    rows = counts.sum(axis=1, keepdims=True)
    cols = counts.sum(axis=0, keepdims=True)
    result = np.zeros(counts.shape)
    seen = counts > 0
    result[seen] = np.log(counts[seen] * total / (rows * cols)[seen])
    return result
