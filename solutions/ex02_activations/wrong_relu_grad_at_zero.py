"""Wrong variant of exercise 2: ReLU'(0) taken as 1 (mask x >= 0 instead of x > 0)."""

PART = "activation_backward"
TITLE = "производная ReLU в нуле взята равной 1 (маска x ≥ 0 вместо x > 0)"
HINTS = (
    "Что возвращает autograd PyTorch для F.relu в точке x = 0? А ваша функция?",
    "В изломе производной нет, и библиотека выбирает соглашение: у torch ReLU′(0) = 0 "
    "(а у Hardtanh производная 0 в точках min_val и max_val).",
    "Маска должна быть строгой: x > 0.",
)


_reference_backward = activation_backward  # the reference's, before it is overridden below


def activation_backward(name, x, grad_output, **params):
    if name == "relu":
        return grad_output * (x >= 0)
    return _reference_backward(name, x, grad_output, **params)

