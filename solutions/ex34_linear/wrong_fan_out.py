"""Wrong variant of exercise 34: fan_in read from the first axis of the weight (out_features)."""

import math

PART = "default_init_bounds"
TITLE = "fan_in взят из weight_shape[0] (это число выходов, fan_out)"
HINTS = (
    "Проверьте слой с in ≠ out: от чего зависит граница, от in или от out?",
    "Вес хранится как (out, in, *kernel), а kaiming_uniform_ с mode='fan_in' делит на число "
    "входов нейрона: in, умноженное на размер ядра.",
    "fan_in = weight_shape[1] · произведение weight_shape[2:].",
)


def default_init_bounds(weight_shape, a=5.0 ** 0.5):
    fan_in = weight_shape[0] * math.prod(weight_shape[2:])
    gain = math.sqrt(2.0 / (1.0 + a * a))
    return gain * math.sqrt(3.0 / fan_in), 1.0 / math.sqrt(fan_in)
