"""Wrong variant of exercise 12: the activation is never applied (a purely linear network)."""

PART = "activation_stds"
TITLE = "функция активации не применяется: считается линейная сеть"
HINTS = (
    "Сравните ваш результат для activation='tanh' и activation='linear': совпадают ли они?",
    "После каждого слоя (и последнего тоже) к h @ W.T применяется активация, и std считается уже после неё.",
    "h = act(h @ W.T), где act — np.tanh, np.maximum(·, 0) или тождественная функция.",
)


def activation_stds(x, weights, activation):
    h = x
    stds = []
    for weight in weights:
        h = h @ weight.T
        stds.append(h.std())
    return np.array(stds, dtype=np.float64)
