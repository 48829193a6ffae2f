"""Wrong variant of exercise 12: the normal version reuses the uniform bound sqrt(6 / (fan_in + fan_out)) as std."""

PART = "xavier_normal"
TITLE = "в нормальном варианте σ взято из равномерного: √(6/(fan_in+fan_out))"
HINTS = (
    "Какая дисперсия получится у N(0, σ²) с σ = √(6/(fan_in + fan_out))? А какая нужна?",
    "Шестёрка нужна только равномерному распределению (Var U(−a, a) = a²/3); у нормального σ² и есть дисперсия.",
    "σ = gain · √(2/(fan_in + fan_out)).",
)


def xavier_normal(shape, gain=1.0, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    fan_in, fan_out = fans(shape)
    return rng.normal(0.0, gain * np.sqrt(6.0 / (fan_in + fan_out)), size=shape)
