"""Wrong variant of ex20: the output size rounds the division by the stride up."""

import math

PART = "conv_output_size"
TITLE = "округление вверх (ceil) вместо вниз (floor)"
HINTS = (
    "Проверьте ответ на маленьком примере, где шаг не делит длину нацело: size=6, kernel_size=3, stride=2.",
    "Последнее окно учитывается, только если оно целиком помещается в дополненный вход: неполные окна отбрасываются.",
    "Деление на stride нужно округлять вниз: целочисленное деление // вместо math.ceil.",
)


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return math.ceil((size + 2 * padding - dilation * (kernel_size - 1) - 1) / stride) + 1
