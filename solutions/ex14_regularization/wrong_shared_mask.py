"""Wrong variant of exercise 14: one mask for the whole batch (drawn for x.shape[1:])."""

PART = "dropout_forward"
TITLE = "одна маска на весь батч"
HINTS = (
    "Сравните маски двух разных примеров (строк) батча.",
    "Каждый элемент каждого примера выбрасывается независимо; общая для батча маска — это другой метод.",
    "Случайные числа нужно генерировать формы x.shape, а не x.shape[1:].",
)


def dropout_forward(x, p, rng, training=True):
    if not training:
        return x.copy(), np.ones(x.shape)
    keep = np.broadcast_to(rng.random(x.shape[1:]) >= p, x.shape)
    scale = 0.0 if p >= 1.0 else 1.0 / (1.0 - p)
    return x * keep * scale, keep.astype(np.float64)
