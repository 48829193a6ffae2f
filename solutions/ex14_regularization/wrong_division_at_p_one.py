"""Wrong variant of exercise 14: 1 / (1 - p) computed unconditionally, which fails at p = 1."""

PART = "dropout_forward"
TITLE = "деление на (1 − p) без особого случая p = 1"
HINTS = (
    "Что получится у вас при p = 1? Что возвращает torch.nn.functional.dropout(x, p=1.0)?",
    "При p = 1 выбрасываются все элементы, и масштаб 1/(1 − p) не нужен: torch возвращает нули.",
    "Обработайте p = 1 отдельно (выход и маска — нули), не вычисляя 1/(1 − p).",
)


def dropout_forward(x, p, rng, training=True):
    if not training:
        return x.copy(), np.ones(x.shape)
    keep = rng.random(x.shape) >= p
    return x * keep * (1.0 / (1.0 - p)), keep.astype(np.float64)
