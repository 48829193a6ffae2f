"""Wrong variant of exercise 14: eval mode multiplies by (1 - p) although training already rescaled."""

PART = "dropout_forward"
TITLE = "в режиме eval выход умножается на (1 − p)"
HINTS = (
    "Что должен делать nn.Dropout после model.eval()?",
    "Умножение на вероятность сохранения на инференсе — это исходный, не обратный вариант dropout; "
    "при масштабировании 1/(1 − p) на обучении он даёт двойную поправку.",
    "В режиме eval обратный dropout — тождественное отображение: out = x.",
)


def dropout_forward(x, p, rng, training=True):
    if not training:
        return x * (1.0 - p), np.ones(x.shape)
    keep = rng.random(x.shape) >= p
    scale = 0.0 if p >= 1.0 else 1.0 / (1.0 - p)
    return x * keep * scale, keep.astype(np.float64)
