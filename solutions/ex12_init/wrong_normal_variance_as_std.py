"""Wrong variant of exercise 12: the variance 2 / (fan_in + fan_out) is passed to rng.normal as the scale."""

PART = "xavier_normal"
TITLE = "в rng.normal передана дисперсия 2/(fan_in+fan_out) вместо стандартного отклонения"
HINTS = (
    "Что означает параметр scale у rng.normal: дисперсию или стандартное отклонение?",
    "scale — это σ; дисперсия Xavier равна 2·gain²/(fan_in + fan_out), а σ — корень из неё.",
    "Возьмите σ = gain · √(2/(fan_in + fan_out)).",
)


def xavier_normal(shape, gain=1.0, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    fan_in, fan_out = fans(shape)
    return rng.normal(0.0, gain * 2.0 / (fan_in + fan_out), size=shape)
