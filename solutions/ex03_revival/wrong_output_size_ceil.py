"""Wrong variant of exercise 3: the output size rounds (H + 2p - k) / s up instead of down."""

PART = "count_macs"
TITLE = "размер выхода округлён вверх: ceil((H + 2p − k) / s) + 1 вместо floor"
HINTS = (
    "Посчитайте вручную выход первой свёртки AlexNet: 224 + 2·2 − 11 = 217, делим на 4.",
    "Окно не может выходить за дополненный вход: неполные последние позиции отбрасываются.",
    "Выходной размер — floor((H + 2p − k) / s) + 1, целочисленное деление //.",
)


def _conv_out(size, kernel, stride, padding):
    return -(-(size + 2 * padding - kernel) // stride) + 1
