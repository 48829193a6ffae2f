"""Wrong variant of exercise 11: the textbook velocity v = mu*v - lr*g kept instead of torch's buffer."""

PART = "sgd_momentum_step"
TITLE = "«учебная» форма импульса v ← μv − lr·g, θ ← θ + v вместо буфера PyTorch b ← μb + g, θ ← θ − lr·b"
HINTS = (
    "При постоянном lr ваша траектория совпадает с torch. Что меняется, когда lr меняется от шага к шагу?",
    "В учебной форме в скорости v хранятся старые градиенты, уже умноженные на старые lr; "
    "PyTorch хранит в буфере сами градиенты и умножает на текущий lr весь буфер.",
    "Храните в state['momentum_buffer'] величину b = μb + (1 − dampening)·g (на первом шаге b = g) "
    "и вычитайте lr·b (или lr·(g + μb) у Нестерова).",
)


def sgd_momentum_step(param, grad, state, lr, momentum, dampening=0.0, nesterov=False, weight_decay=0.0):
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, dict(state)
    if "momentum_buffer" not in state:
        v = -lr * g
    else:
        v = momentum * state["momentum_buffer"] - lr * (1.0 - dampening) * g
    step = momentum * v - lr * g if nesterov else v
    return param + step, {"momentum_buffer": v}
