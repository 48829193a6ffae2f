"""Wrong variant of exercise 11: RMSprop with alpha and 1 - alpha swapped in the running average."""

PART = "rmsprop_step"
TITLE = "в скользящем среднем перепутаны α и 1 − α: s ← (1 − α)s + α·g²"
HINTS = (
    "При alpha = 0.99 какая доля нового g² должна попадать в среднее — 99% или 1%?",
    "alpha — это коэффициент «памяти»: он умножает старое среднее, а новый квадрат градиента "
    "входит с весом 1 − alpha.",
    "square_avg = alpha·square_avg + (1 − alpha)·g².",
)


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, centered=False):
    g = grad + weight_decay * param
    s = (1 - alpha) * state.get("square_avg", 0.0) + alpha * g * g
    new_state = {"square_avg": s}
    if centered:
        a = (1 - alpha) * state.get("grad_avg", 0.0) + alpha * g
        new_state["grad_avg"] = a
        s = s - a * a
    return param - lr * g / (np.sqrt(s) + eps), new_state
