"""Wrong variant of exercise 11: the nesterov flag is ignored (Nesterov done as plain momentum)."""

PART = "sgd_momentum_step"
TITLE = "метод Нестерова сделан как обычный импульс (флаг nesterov не влияет на шаг)"
HINTS = (
    "Сравните ваш шаг при nesterov=True и nesterov=False с одним и тем же состоянием: они различаются?",
    "У Нестерова градиент берётся «в точке после импульсного прыжка»; в форме PyTorch это значит, "
    "что к буферу добавляется ещё одна порция текущего градиента.",
    "При nesterov=True шаг делается по направлению g + μ·b (b — уже обновлённый буфер), а не по b.",
)


def sgd_momentum_step(param, grad, state, lr, momentum, dampening=0.0, nesterov=False, weight_decay=0.0):
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g, dict(state)
    buf = g.copy() if "momentum_buffer" not in state else momentum * state["momentum_buffer"] + (1 - dampening) * g
    return param - lr * buf, {"momentum_buffer": buf}
