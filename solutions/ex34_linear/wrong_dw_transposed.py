"""Wrong variant of exercise 34: dW computed as x.T @ grad_out, shape (in, out)."""

PART = "linear_backward"
TITLE = "dW = xᵀ·grad_out — транспонированный градиент формы (in, out)"
HINTS = (
    "Градиент по параметру имеет ту же форму, что и сам параметр. Какая форма у W?",
    "W хранится как (out, in), значит и dW должен быть (out, in); x.T @ grad_out — это (in, out).",
    "Поменяйте множители местами: dW = grad_outᵀ · x (по сведённой батчевой оси).",
)


def linear_backward(x, W, grad_out):
    g = grad_out.reshape(-1, W.shape[0])
    xs = x.reshape(-1, W.shape[1])
    return grad_out @ W, xs.T @ g, g.sum(axis=0)
