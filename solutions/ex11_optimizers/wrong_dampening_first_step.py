"""Wrong variant of exercise 11: the buffer starts at zero, so dampening also scales the first gradient."""

PART = "sgd_momentum_step"
TITLE = "буфер начинается с нуля, и на первом шаге b = (1 − dampening)·g, а не g"
HINTS = (
    "Без dampening ваш ответ верен. Сравните с torch первый шаг при dampening > 0.",
    "PyTorch не применяет общую формулу на первом шаге: он просто копирует градиент в буфер.",
    "Если в state ещё нет 'momentum_buffer', положите b = g; формулу μb + (1 − dampening)g "
    "используйте только со второго шага.",
)


def sgd_momentum_step(param, grad, state, lr, momentum, dampening=0.0, nesterov=False, weight_decay=0.0):
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, dict(state)
    old = state.get("momentum_buffer", np.zeros_like(param))
    buf = momentum * old + (1.0 - dampening) * g
    direction = g + momentum * buf if nesterov else buf
    return param - lr * direction, {"momentum_buffer": buf}
