"""Wrong variant of exercise 5: the forward difference (f(x + eps·e_i) − f(x)) / eps."""

PART = "numerical_gradient"
TITLE = "разность вперёд вместо центральной"
HINTS = (
    "На квадратичной функции центральная разность точна, а ваш ответ ошибается примерно на eps·f''/2. "
    "Какую формулу вы используете?",
    "Разность вперёд (f(x+eps) − f(x))/eps имеет ошибку порядка eps, а центральная — порядка eps². "
    "К тому же вы вызываете f не 2n, а n+1 раз.",
    "Вычисляйте f в двух симметричных точках x + eps·e_i и x − eps·e_i и делите на 2·eps.",
)


def numerical_gradient(f, x, eps=1e-6):
    point = np.array(x, dtype=np.float64)
    f0 = f(point)
    grad = np.zeros_like(point)
    for index in np.ndindex(point.shape):
        original = point[index]
        point[index] = original + eps
        grad[index] = (f(point) - f0) / eps
        point[index] = original
    return grad
