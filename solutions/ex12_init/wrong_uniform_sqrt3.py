"""Wrong variant of exercise 12: bound sqrt(3 / (fan_in + fan_out)), i.e. variance 1/(fan_in + fan_out)."""

PART = "xavier_uniform"
TITLE = "граница √(3/(fan_in+fan_out)) вместо √(6/(fan_in+fan_out))"
HINTS = (
    "Посчитайте дисперсию U(−a, a) и сравните её с целевой 2/(fan_in + fan_out).",
    "Var U(−a, a) = a²/3; приравняв её к 2/(fan_in + fan_out), получите a² = 6/(fan_in + fan_out).",
    "В числителе под корнем должно стоять 6: двойка из формулы Глоро, умноженная на тройку из a²/3.",
)


def xavier_uniform(shape, gain=1.0, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    fan_in, fan_out = fans(shape)
    bound = gain * np.sqrt(3.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=shape)
