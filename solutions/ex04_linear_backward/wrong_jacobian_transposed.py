"""Wrong variant of exercise 4: the Jacobian returned as (n, m), one row per input."""

PART = "jacobian"
TITLE = "якобиан транспонирован: строки по входам, а не по выходам"
HINTS = (
    "Для f(x) = A x с A формы (m, n) якобиан должен совпасть с A. Какой формы ваш ответ?",
    "В принятой раскладке (по числителю) J[i, j] = ∂f_i/∂x_j: строка — выход, столбец — вход.",
    "Разностное отношение по x_j — это столбец j якобиана, а не строка.",
)


def jacobian(f, x, eps=1e-6):
    rows = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = eps
        rows.append((f(x + step) - f(x - step)) / (2.0 * eps))
    return np.stack(rows, axis=0)
