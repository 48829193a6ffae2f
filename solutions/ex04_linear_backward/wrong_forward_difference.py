"""Wrong variant of exercise 4: a one-sided (forward) difference instead of the central one."""

PART = "jacobian"
TITLE = "односторонняя разность (f(x + h) − f(x)) / h вместо центральной"
HINTS = (
    "На линейной функции ваш ответ точен, а на tanh — ошибается примерно на 1e-6. Почему?",
    "Ошибка односторонней разности пропорциональна h, а центральной — h²: члены второго порядка "
    "в ней сокращаются.",
    "Берите значения в двух симметричных точках x ± h·e_j и делите на 2h.",
)


def jacobian(f, x, eps=1e-6):
    base = f(x)
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = eps
        columns.append((f(x + step) - base) / eps)
    return np.stack(columns, axis=1)
