"""Wrong variant of exercise 14: kept entries are not divided by (1 - p)."""

PART = "dropout_forward"
TITLE = "сохранённые элементы не делятся на (1 − p)"
HINTS = (
    "Чему равно математическое ожидание вашего out для фиксированного x?",
    "Без масштабирования E[out] = (1 − p)·x: на обучении сигнал слабее, чем на инференсе, где dropout выключен.",
    "В обратном dropout сохранённые элементы масштабируют при обучении, чтобы E[out] = x.",
)


def dropout_forward(x, p, rng, training=True):
    if not training:
        return x.copy(), np.ones(x.shape)
    keep = rng.random(x.shape) >= p
    return x * keep, keep.astype(np.float64)
