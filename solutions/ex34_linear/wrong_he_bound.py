"""Wrong variant of exercise 34: the slope a is ignored and the ReLU gain sqrt(2) used (He bound sqrt(6 / fan_in))."""

import math

PART = "default_init_bounds"
TITLE = "наклон a не учтён: граница He √(6/fan_in), как для ReLU"
HINTS = (
    "Чему равен gain у leaky_relu с наклоном a = √5? А у ReLU?",
    "kaiming_uniform_ берёт gain = √(2/(1 + a²)); PyTorch передаёт a = √5, и gain = √(1/3), "
    "а не √2.",
    "Граница веса gain·√(3/fan_in); при a = √5 она равна 1/√fan_in.",
)


def default_init_bounds(weight_shape, a=5.0 ** 0.5):
    fan_in = weight_shape[1] * math.prod(weight_shape[2:])
    return math.sqrt(6.0 / fan_in), 1.0 / math.sqrt(fan_in)
