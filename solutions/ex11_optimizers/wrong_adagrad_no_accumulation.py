"""Wrong variant of exercise 11: Adagrad that forgets the accumulated sum (only the current g^2)."""

PART = "adagrad_step"
TITLE = "Adagrad без накопления: в знаменателе только текущий g², а не сумма всех g²"
HINTS = (
    "Первый шаг верен, а второй уже нет. Что должно лежать в state['sum'] после двух шагов?",
    "Adagrad делит на корень из суммы квадратов ВСЕХ прошлых градиентов, поэтому шаг со временем "
    "убывает (при постоянном g — как lr/√t); без накопления шаг всегда ≈ lr.",
    "Берите старую сумму из state (или initial_accumulator_value на первом шаге) и прибавляйте к ней g².",
)


def adagrad_step(param, grad, state, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0,
                 eps=1e-10):
    t = state.get("step", 0) + 1
    g = grad + weight_decay * param
    total = initial_accumulator_value + g * g
    clr = lr / (1 + (t - 1) * lr_decay)
    return param - clr * g / (np.sqrt(total) + eps), {"step": t, "sum": total}
