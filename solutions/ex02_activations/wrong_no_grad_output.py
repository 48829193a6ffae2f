"""Wrong variant of exercise 2: returns f'(x) and forgets to multiply by grad_output."""

PART = "activation_backward"
TITLE = "возвращается f′(x) без умножения на grad_output"
HINTS = (
    "Как изменится ваш ответ, если grad_output умножить на 2?",
    "Обратный проход возвращает dL/dx = dL/dy · dy/dx: цепное правило требует входящий градиент.",
    "Умножьте локальную производную f′(x) поэлементно на grad_output.",
)


_reference_backward = activation_backward  # the reference's, before it is overridden below


def activation_backward(name, x, grad_output, **params):
    return _reference_backward(name, x, np.ones_like(grad_output), **params)

