"""Wrong variant of exercise 11: Adagrad's lr decay uses t instead of t - 1."""

PART = "adagrad_step"
TITLE = "затухание lr на единицу раньше: lr / (1 + t·lr_decay) вместо lr / (1 + (t − 1)·lr_decay)"
HINTS = (
    "При lr_decay = 0 ваш ответ верен. Каким должен быть lr на самом первом шаге?",
    "В PyTorch первый шаг делается с исходным lr, а затухание начинается со второго шага.",
    "clr = lr / (1 + (t − 1)·lr_decay), где t — номер шага начиная с 1.",
)


def adagrad_step(param, grad, state, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0,
                 eps=1e-10):
    t = state.get("step", 0) + 1
    g = grad + weight_decay * param
    total = state.get("sum", np.full_like(param, initial_accumulator_value)) + g * g
    clr = lr / (1 + t * lr_decay)
    return param - clr * g / (np.sqrt(total) + eps), {"step": t, "sum": total}
