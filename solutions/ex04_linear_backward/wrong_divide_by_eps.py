"""Wrong variant of exercise 4: the central difference divided by h instead of 2h."""

PART = "jacobian"
TITLE = "центральная разность поделена на h, а не на 2h (ответ вдвое больше)"
HINTS = (
    "Проверьте на f(x) = A x: во сколько раз ваш ответ отличается от A?",
    "Точки x + h·e_j и x − h·e_j отстоят друг от друга на 2h.",
    "Знаменатель центральной разности — расстояние между точками, то есть 2h.",
)


def jacobian(f, x, eps=1e-6):
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x)
        step[j] = eps
        columns.append((f(x + step) - f(x - step)) / eps)
    return np.stack(columns, axis=1)
