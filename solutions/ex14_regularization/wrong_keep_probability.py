"""Wrong variant of exercise 14: p read as the KEEP probability (the seed's convention), as in the 2014 paper."""

PART = "dropout_forward"
TITLE = "p понято как вероятность сохранить элемент"
HINTS = (
    "Какая доля элементов у вас обнуляется при p = 0.2?",
    "В torch.nn.Dropout(p) p — вероятность выбросить элемент; в статье Srivastava et al. p — вероятность сохранить.",
    "Элемент сохраняется с вероятностью 1 − p и тогда делится на 1 − p.",
)


def dropout_forward(x, p, rng, training=True):
    if not training:
        return x.copy(), np.ones(x.shape)
    keep = rng.random(x.shape) < p
    scale = 0.0 if p <= 0.0 else 1.0 / p
    return x * keep * scale, keep.astype(np.float64)
