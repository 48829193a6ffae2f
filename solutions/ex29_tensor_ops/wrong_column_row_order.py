"""Wrong variant of exercise 29: the pair is returned as (column, row)."""

import torch

PART = "batch_argmax_2d"
TITLE = "пара возвращается в порядке (столбец, строка)"
HINTS = (
    "Сравните ваш ответ с x[b].argmax(): какой из двух столбцов результата — номер строки?",
    "По условию out[b, 0] — строка, out[b, 1] — столбец, как индексы x[b, row, col].",
    "Поменяйте местами компоненты в torch.stack.",
)


def batch_argmax_2d(x):
    B, H, W = x.shape
    flat = x.reshape(B, H * W).argmax(dim=1)
    return torch.stack((flat % W, flat // W), dim=1)
