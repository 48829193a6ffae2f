"""Wrong variant of exercise 12: the std of the input x is returned as the first entry (L + 1 numbers)."""

PART = "activation_stds"
TITLE = "в результат добавлено std входа: L + 1 чисел вместо L"
HINTS = (
    "Сколько чисел вы вернули для сети из одного слоя?",
    "Нужны стандартные отклонения после каждого из L слоёв, вход x в результат не входит.",
    "Добавляйте std в список только после вычисления очередного слоя.",
)


def activation_stds(x, weights, activation):
    act = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0.0), "linear": lambda z: z}[activation]
    h = x
    stds = [h.std()]
    for weight in weights:
        h = act(h @ weight.T)
        stds.append(h.std())
    return np.array(stds, dtype=np.float64)
