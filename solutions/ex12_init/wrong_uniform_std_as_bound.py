"""Wrong variant of exercise 12: the standard deviation sqrt(2 / (fan_in + fan_out)) is used as the uniform bound."""

PART = "xavier_uniform"
TITLE = "вместо границы a взято стандартное отклонение √(2/(fan_in+fan_out))"
HINTS = (
    "Чему равно стандартное отклонение U(−a, a)? Совпадает ли оно с a?",
    "У U(−a, a) σ = a/√3, поэтому границу нужно взять в √3 раз больше целевого σ.",
    "a = √3 · gain · √(2/(fan_in + fan_out)) = gain · √(6/(fan_in + fan_out)).",
)


def xavier_uniform(shape, gain=1.0, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    fan_in, fan_out = fans(shape)
    bound = gain * np.sqrt(2.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=shape)
