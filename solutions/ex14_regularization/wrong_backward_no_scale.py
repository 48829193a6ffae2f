"""Wrong variant of exercise 14: the backward pass applies the mask but forgets the 1/(1 - p) scale."""

PART = "dropout_backward"
TITLE = "обратный проход без множителя 1/(1 − p)"
HINTS = (
    "Запишите прямой проход формулой out = x · m · c. Чему равна ∂out/∂x?",
    "Масштаб, применённый в прямом проходе, входит и в производную.",
    "Градиент — grad_out · mask / (1 − p) (и нули при p = 1).",
)


def dropout_backward(grad_out, mask, p):
    return grad_out * mask
