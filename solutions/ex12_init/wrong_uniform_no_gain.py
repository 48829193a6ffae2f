"""Wrong variant of exercise 12: the gain argument is accepted but never used."""

PART = "xavier_uniform"
TITLE = "множитель gain не учитывается"
HINTS = (
    "Меняется ли ваш результат, если передать gain = 5/3 вместо 1?",
    "gain масштабирует всё распределение: граница, а с ней и стандартное отклонение, умножаются на gain.",
    "Умножьте границу √(6/(fan_in + fan_out)) на gain.",
)


def xavier_uniform(shape, gain=1.0, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    fan_in, fan_out = fans(shape)
    bound = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=shape)
