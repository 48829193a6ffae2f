"""Wrong variant of exercise 5: the gradient is returned flattened, shape (x.size,) instead of x.shape."""

PART = "numerical_gradient"
TITLE = "градиент возвращается плоским вектором, а не в форме x"
HINTS = (
    "Сравните форму вашего ответа с формой x для x формы (3, 4).",
    "Градиент по матрице весов — матрица той же формы: её вычитают из весов в шаге w ← w − η·∇L.",
    "Вычисляйте по плоскому представлению, если удобно, но верните grad.reshape(x.shape).",
)


def numerical_gradient(f, x, eps=1e-6):
    flat = np.array(x, dtype=np.float64).reshape(-1)
    grad = np.zeros(flat.size)
    for i in range(flat.size):
        original = flat[i]
        flat[i] = original + eps
        f_plus = f(flat.reshape(x.shape))
        flat[i] = original - eps
        f_minus = f(flat.reshape(x.shape))
        flat[i] = original
        grad[i] = (f_plus - f_minus) / (2.0 * eps)
    return grad
