"""Wrong variant of exercise 4: dx = grad_out @ W.T, as if the layer were y = x @ W."""

PART = "linear_backward"
TITLE = "dx = grad_out @ W.T: перепутано соглашение y = x @ W и y = x @ W.T"
HINTS = (
    "Проверьте на неквадратной матрице W: совпадают ли размерности в вашем произведении?",
    "В PyTorch y = x @ W.T + b, W имеет форму (n_out, n_in); grad_out имеет форму (N, n_out).",
    "Чтобы из (N, n_out) получить (N, n_in), умножьте grad_out на матрицу формы (n_out, n_in).",
)


def linear_backward(x, W, b, grad_out):
    return grad_out @ W.T, grad_out.T @ x, grad_out.sum(axis=0)
