"""Wrong variant of exercise 14: the backward pass multiplies by (1 - p) instead of dividing."""

PART = "dropout_backward"
TITLE = "в обратном проходе умножение на (1 − p) вместо деления"
HINTS = (
    "Сравните масштаб в прямом и обратном проходах: они должны совпадать.",
    "Прямой проход делит сохранённые элементы на (1 − p); производная линейной функции — тот же множитель.",
    "Градиент — grad_out · mask / (1 − p).",
)


def dropout_backward(grad_out, mask, p):
    return grad_out * mask * (1.0 - p)
