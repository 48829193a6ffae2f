"""Wrong variant of exercise 12: the sample std with ddof=1 (torch.std's default), not the population std."""

PART = "activation_stds"
TITLE = "несмещённое std (ddof=1, как torch.std по умолчанию) вместо ddof=0"
HINTS = (
    "Сравните результат на батче из одного примера и одного нейрона: сколько должно получиться?",
    "В задании std с делением на n (ddof=0, как np.std по умолчанию); torch.std по умолчанию делит на n − 1.",
    "Уберите ddof=1 (или используйте h.std() без аргументов).",
)


def activation_stds(x, weights, activation):
    act = {"tanh": np.tanh, "relu": lambda z: np.maximum(z, 0.0), "linear": lambda z: z}[activation]
    h = x
    stds = []
    for weight in weights:
        h = act(h @ weight.T)
        stds.append(h.std(ddof=1))
    return np.array(stds, dtype=np.float64)
