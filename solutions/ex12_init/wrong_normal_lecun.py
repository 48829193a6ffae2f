"""Wrong variant of exercise 12: LeCun's normal initialisation, std = sqrt(1 / fan_in)."""

PART = "xavier_normal"
TITLE = "инициализация ЛеКуна σ = √(1/fan_in) вместо Xavier"
HINTS = (
    "Для квадратного слоя ваши веса верны. А для слоя 100 → 300?",
    "√(1/fan_in) сохраняет дисперсию только на прямом проходе; Xavier учитывает и обратный, где важен fan_out.",
    "Дисперсия должна быть 2·gain²/(fan_in + fan_out): в знаменателе сумма обоих fan.",
)


def xavier_normal(shape, gain=1.0, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    fan_in, _ = fans(shape)
    return rng.normal(0.0, gain * np.sqrt(1.0 / fan_in), size=shape)
