"""Wrong variant of exercise 5: x itself is perturbed in place (and restored), which fails on a read-only x."""

PART = "numerical_gradient"
TITLE = "x сдвигается на месте, без копии"
HINTS = (
    "Ошибка «assignment destination is read-only» значит, что вы записываете во входной массив.",
    "Функция не должна менять свой аргумент, даже временно: x — это, например, веса модели, "
    "которые читает кто-то ещё. Проверяющий передаёт x только для чтения.",
    "Сделайте одну рабочую копию x (np.array(x) или x.copy()) и сдвигайте элементы в ней.",
)


def numerical_gradient(f, x, eps=1e-6):
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        original = x[index]
        x[index] = original + eps
        f_plus = f(x)
        x[index] = original - eps
        f_minus = f(x)
        x[index] = original
        grad[index] = (f_plus - f_minus) / (2.0 * eps)
    return grad
