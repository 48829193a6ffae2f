"""Wrong variant of exercise 12: the mean over units of per-unit stds instead of one std over all numbers."""

PART = "activation_stds"
TITLE = "усреднены стандартные отклонения отдельных нейронов вместо одного std по всем числам слоя"
HINTS = (
    "Сколько чисел должно войти в одно стандартное отклонение слоя: N или N·d?",
    "Нужен один std по всем N·d_{l+1} активациям слоя; среднее std по нейронам — другая величина "
    "(оно не учитывает, что у разных нейронов разные средние).",
    "Вызовите h.std() без аргумента axis.",
)


def activation_stds(x, weights, activation):
    act = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0.0), "linear": lambda z: z}[activation]
    h = x
    stds = []
    for weight in weights:
        h = act(h @ weight.T)
        stds.append(h.std(axis=0).mean())
    return np.array(stds, dtype=np.float64)
