"""Wrong variant of exercise 18: padding added on one side only (n + p instead of n + 2p)."""

PART = "output_shape"
TITLE = "дополнение учтено с одной стороны: n + p вместо n + 2p"
HINTS = (
    "Свёртка 3×3 с padding=1 должна сохранять размер 28×28. Что даёт ваша формула?",
    "padding добавляет p строк сверху и p снизу (и столбцов слева и справа): длина становится n + 2p.",
    "Размер выхода: (n + 2p − d(k − 1) − 1) // s + 1.",
)


def _conv_length(n, kernel, stride, padding, dilation):
    return (n + padding - dilation * (kernel - 1) - 1) // stride + 1
