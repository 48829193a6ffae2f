"""Wrong variant of exercise 34: a normal distribution with std 1/sqrt(in) instead of the uniform one."""

import math

PART = "init_linear"
TITLE = "нормальное распределение N(0, 1/in) вместо равномерного U(−1/√in, 1/√in)"
HINTS = (
    "Бывают ли у вас значения по модулю больше 1/√in_features? А у nn.Linear?",
    "kaiming_uniform_ — равномерное распределение; его дисперсия bound²/3 = 1/(3·in), "
    "втрое меньше, чем у N(0, 1/in), и значения никогда не выходят за ±bound.",
    "Используйте rng.uniform(-bound, bound, size=...) с bound = 1/√in_features.",
)


def init_linear(in_features, out_features, rng, bias=True):
    std = 1.0 / math.sqrt(in_features)
    W = rng.normal(0.0, std, size=(out_features, in_features))
    b = rng.normal(0.0, std, size=out_features) if bias else None
    return W, b
