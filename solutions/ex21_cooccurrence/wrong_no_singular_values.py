"""Wrong variant of exercise 21: the vectors are the columns of U alone, not scaled by the singular values."""

PART = "svd_embeddings"
TITLE = "возвращаются столбцы U без умножения на сингулярные числа"
HINTS = (
    "Какие длины у столбцов вашего результата? Должны быть равны сингулярным числам.",
    "Столбцы U имеют единичную длину, и все d направлений получают одинаковый вес, хотя "
    "первые несут гораздо больше «массы» матрицы.",
    "Умножьте k-й столбец U на k-е сингулярное число: U[:, :d] * s[:d].",
)


def svd_embeddings(matrix, dim):
    u, _, _ = np.linalg.svd(matrix, full_matrices=False)
    return u[:, :dim]
