"""Wrong variant of exercise 13: the trajectory lacks the starting point w0 (steps rows, not steps + 1)."""

PART = "gd_quadratic"
TITLE = "траектория без начальной точки w0"
HINTS = (
    "Сколько строк должно быть в результате при steps = 0?",
    "Строка 0 — это сама начальная точка, строка k — точка после k шагов.",
    "Результат имеет форму (steps + 1, d), и его первая строка равна w0.",
)


def gd_quadratic(A, w0, lr, steps):
    w, rows = w0, []
    for _ in range(steps):
        w = w - lr * (A @ w)
        rows.append(w)
    return np.array(rows).reshape(steps, len(w0))
