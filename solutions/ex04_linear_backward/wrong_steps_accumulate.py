"""Wrong variant of exercise 4: the perturbed copies are made once, so earlier steps are never undone."""

PART = "jacobian"
TITLE = "сдвиги накапливаются: копия x не восстанавливается после каждой координаты"
HINTS = (
    "Напечатайте точку, в которой вы вычисляете f на шаге j = 2: отличается ли она от x только в координате 2?",
    "Вы копируете x один раз и затем сдвигаете координаты по очереди, не возвращая прежние обратно.",
    "Для каждой координаты начинайте с исходного x (новая копия или откат сдвига после вычисления).",
)


def jacobian(f, x, eps=1e-6):
    plus, minus = x.copy(), x.copy()
    columns = []
    for j in range(x.size):
        plus[j] += eps
        minus[j] -= eps
        columns.append((f(plus) - f(minus)) / (2.0 * eps))
    return np.stack(columns, axis=1)
