"""Wrong variant of exercise 34: the batch sums run over axis 0 only (written for 2-D inputs)."""

import numpy as np

PART = "linear_backward"
TITLE = "суммирование только по оси 0: код написан для входа (N, in)"
HINTS = (
    "Для входа (N, in) ответ верен. Что происходит с входом формы (B, T, in) или (in,)?",
    "Каждая позиция всех ведущих осей — отдельный пример: dW и db собирают вклады по всем "
    "этим осям, а не только по первой.",
    "Сведите ведущие оси в одну (reshape(-1, n)) или суммируйте по кортежу осей.",
)


def linear_backward(x, W, grad_out):
    dx = grad_out @ W
    dW = np.einsum("n...o,n...i->...oi", grad_out, x)
    db = grad_out.sum(axis=0)
    return dx, dW, db
