"""Wrong variant of exercise 21: the last dim singular directions (the smallest) are kept."""

PART = "svd_embeddings"
TITLE = "берутся последние (наименьшие) сингулярные направления вместо первых"
HINTS = (
    "В каком порядке np.linalg.svd возвращает сингулярные числа?",
    "Лучшее приближение ранга d дают d наибольших сингулярных чисел, а np.linalg.svd "
    "уже сортирует их по убыванию.",
    "Берите первые d столбцов U и первые d сингулярных чисел.",
)


def svd_embeddings(matrix, dim):
    u, s, _ = np.linalg.svd(matrix, full_matrices=False)
    return u[:, -dim:] * s[-dim:]
