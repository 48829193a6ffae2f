"""Wrong variant of exercise 29: the row and the column of the maximum are found independently."""

import torch

PART = "batch_argmax_2d"
TITLE = "строка и столбец ищутся по отдельности (argmax максимумов строк и argmax максимумов столбцов)"
HINTS = (
    "Если максимум единственный, ответ верен. А если максимум встречается дважды, в разных "
    "строках и столбцах?",
    "Строка первого максимума строк и столбец первого максимума столбцов могут принадлежать "
    "разным вхождениям максимума: их пара может указывать вовсе не на максимум.",
    "Найдите одно вхождение: argmax по выпрямленной матрице, затем переведите плоский индекс в (строку, столбец).",
)


def batch_argmax_2d(x):
    rows = x.amax(dim=2).argmax(dim=1)
    cols = x.amax(dim=1).argmax(dim=1)
    return torch.stack((rows, cols), dim=1)
