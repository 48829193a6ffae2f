"""Wrong variant of exercise 34: the sampler scales by 1/sqrt(out_features)."""

import math

PART = "init_linear"
TITLE = "граница 1/√out_features вместо 1/√in_features"
HINTS = (
    "Проверьте слой с in ≠ out: от какого из двух чисел зависит разброс весов?",
    "Цель инициализации — чтобы сумма in слагаемых w·x имела дисперсию порядка дисперсии x; "
    "поэтому масштаб зависит от числа входов.",
    "bound = 1/√in_features и для веса, и для смещения.",
)


def init_linear(in_features, out_features, rng, bias=True):
    bound = 1.0 / math.sqrt(out_features)
    W = rng.uniform(-bound, bound, size=(out_features, in_features))
    b = rng.uniform(-bound, bound, size=out_features) if bias else None
    return W, b
