"""Wrong variant of exercise 5: f is called with the flattened copy of x instead of an array of x's shape."""

PART = "numerical_gradient"
TITLE = "f вызывается от плоского вектора, а не от массива формы x"
HINTS = (
    "Прочтите сообщение об ошибке: какой формы массив получила f?",
    "Функция потерь от матрицы весов W (hidden, inputs) не обязана понимать вектор длины hidden·inputs: "
    "перемножение X @ W.T требует именно матрицу.",
    "Сдвигайте элементы в плоском представлении, но передавайте в f массив, приведённый к x.shape.",
)


def numerical_gradient(f, x, eps=1e-6):
    flat = np.array(x, dtype=np.float64).reshape(-1)
    grad = np.zeros(flat.size)
    for i in range(flat.size):
        original = flat[i]
        flat[i] = original + eps
        f_plus = f(flat)
        flat[i] = original - eps
        f_minus = f(flat)
        flat[i] = original
        grad[i] = (f_plus - f_minus) / (2.0 * eps)
    return grad.reshape(x.shape)
