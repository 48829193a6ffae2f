"""Wrong variant of exercise 12: the uniform bound uses fan_in only, sqrt(6 / fan_in) (the He uniform bound)."""

PART = "xavier_uniform"
TITLE = "граница равномерного распределения считается только по fan_in: √(6/fan_in)"
HINTS = (
    "Какие две величины усредняет Глоро, чтобы сохранить дисперсию и на прямом, и на обратном проходе?",
    "Прямой проход требует Var(w) = 1/fan_in, обратный — 1/fan_out; Xavier берёт компромисс 2/(fan_in + fan_out).",
    "В формулу границы должна входить сумма fan_in + fan_out, а не один fan_in.",
)


def xavier_uniform(shape, gain=1.0, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    fan_in, _ = fans(shape)
    bound = gain * np.sqrt(6.0 / fan_in)
    return rng.uniform(-bound, bound, size=shape)
