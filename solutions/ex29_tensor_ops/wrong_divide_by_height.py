"""Wrong variant of exercise 29: the flat index split with the number of rows H instead of the row length W."""

import torch

PART = "batch_argmax_2d"
TITLE = "плоский индекс делится на H (число строк), а не на W (длину строки)"
HINTS = (
    "На квадратных матрицах ответ верен. Проверьте матрицу 2×5 с максимумом в позиции (1, 0).",
    "В построчной раскладке плоский индекс равен row·W + col: каждую строку занимают W элементов.",
    "Строка — целая часть от деления плоского индекса на W, столбец — остаток от деления на W.",
)


def batch_argmax_2d(x):
    B, H, W = x.shape
    flat = x.reshape(B, H * W).argmax(dim=1)
    return torch.stack((flat // H, flat % H), dim=1)
