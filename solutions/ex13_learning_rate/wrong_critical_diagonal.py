"""Wrong variant of exercise 13: the largest diagonal entry used instead of the largest eigenvalue."""

PART = "critical_learning_rate"
TITLE = "наибольший диагональный элемент вместо λ_max"
HINTS = (
    "Верен ли ваш ответ для матрицы [[2, 1], [1, 2]]? Её собственные числа 1 и 3.",
    "Диагональ совпадает со спектром только у диагональной матрицы; в общем случае λ_max ≥ max A_ii.",
    "Нужно наибольшее собственное число симметричной матрицы (np.linalg.eigvalsh).",
)


def critical_learning_rate(A):
    return float(2.0 / np.max(np.diag(A)))
