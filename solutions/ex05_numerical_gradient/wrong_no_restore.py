"""Wrong variant of exercise 5: the perturbed element is never put back, so later elements see a shifted point."""

PART = "numerical_gradient"
TITLE = "сдвинутый элемент не возвращается на место"
HINTS = (
    "В какой точке вы вычисляете f для второго элемента? Совпадает ли она с x во всех остальных элементах?",
    "После вычисления f(x − eps·e_i) элемент i остаётся равным x[i] − eps, и все следующие производные "
    "считаются в другой точке. Ошибка мала, но заметна при большой кривизне.",
    "Запомните исходное значение элемента и верните его после двух вычислений f.",
)


def numerical_gradient(f, x, eps=1e-6):
    point = np.array(x, dtype=np.float64)
    grad = np.zeros_like(point)
    for index in np.ndindex(point.shape):
        point[index] = x[index] + eps
        f_plus = f(point)
        point[index] = x[index] - eps
        f_minus = f(point)
        grad[index] = (f_plus - f_minus) / (2.0 * eps)
    return grad
