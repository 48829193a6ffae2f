"""Wrong variant of exercise 13: eigvalsh(A)[0] taken as the largest eigenvalue (it is the smallest)."""

PART = "critical_learning_rate"
TITLE = "взято наименьшее собственное число: eigvalsh(A)[0]"
HINTS = (
    "В каком порядке np.linalg.eigvalsh возвращает собственные числа?",
    "Устойчивость ограничивает самое крутое направление, то есть наибольшее собственное число.",
    "eigvalsh сортирует по возрастанию: наибольшее — последний элемент.",
)


def critical_learning_rate(A):
    return float(2.0 / np.linalg.eigvalsh(A)[0])
