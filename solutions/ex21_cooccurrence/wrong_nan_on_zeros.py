"""Wrong variant of exercise 21: log of 0/0 leaves NaN for empty rows, and np.maximum keeps NaN."""

PART = "ppmi"
TITLE = "нулевые строки дают 0/0 = NaN, а np.maximum(NaN, 0) остаётся NaN"
HINTS = (
    "Что вернёт ваша функция, если какое-то слово ни разу не встретилось (его строка — нули)?",
    "Для такой строки и P(i, j), и P(i) равны нулю, отношение 0/0 даёт NaN, и обрезка нулём его не исправляет.",
    "Вычисляйте логарифм только там, где counts > 0, а остальные элементы результата оставьте нулями.",
)


def ppmi(counts):
    total = counts.sum()
    rows = counts.sum(axis=1, keepdims=True)
    cols = counts.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(counts * total / (rows * cols))
    return np.maximum(pmi, 0.0)
