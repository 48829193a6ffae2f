"""Wrong variant of exercise 34: fan_in without the kernel size (in_channels only)."""

import math

PART = "default_init_bounds"
TITLE = "в fan_in не учтён размер ядра свёртки"
HINTS = (
    "Для nn.Linear ответ верен. Сколько входов у одного выхода свёртки nn.Conv2d(in, out, 3)?",
    "Каждый выход свёртки — сумма in · k_h · k_w произведений, поэтому fan_in = in · k_h · k_w.",
    "Умножьте weight_shape[1] на произведение всех размеров после него.",
)


def default_init_bounds(weight_shape, a=5.0 ** 0.5):
    fan_in = weight_shape[1]
    gain = math.sqrt(2.0 / (1.0 + a * a))
    return gain * math.sqrt(3.0 / fan_in), 1.0 / math.sqrt(fan_in)
