"""Wrong variant of exercise 4: dW = x.T @ grad_out, the transpose of the right gradient."""

PART = "linear_backward"
TITLE = "dW транспонирован: x.T @ grad_out имеет форму (n_in, n_out), а W — (n_out, n_in)"
HINTS = (
    "Сравните форму вашего dW с формой W: градиент всегда имеет форму переменной.",
    "В nn.Linear строки W соответствуют выходам: dL/dW[i, j] = Σ_k grad_out[k, i]·x[k, j].",
    "Множители те же, но порядок другой: строки результата должны идти по выходам.",
)


def linear_backward(x, W, b, grad_out):
    return grad_out @ W, x.T @ grad_out, grad_out.sum(axis=0)
