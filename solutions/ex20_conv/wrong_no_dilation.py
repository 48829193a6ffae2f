"""Wrong variant of ex20: the output size ignores dilation (uses kernel_size as the span)."""

PART = "conv_output_size"
TITLE = "размер выхода не учитывает dilation"
HINTS = (
    "Сколько позиций входа на самом деле накрывает ядро, если между его элементами есть промежутки?",
    "При dilation = d между соседними элементами ядра d - 1 пропусков: ядро размера k накрывает больше, чем k позиций.",
    "В формуле вместо kernel_size должна стоять ширина разреженного ядра dilation * (kernel_size - 1) + 1.",
)


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    return (size + 2 * padding - kernel_size) // stride + 1
