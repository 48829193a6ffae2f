"""Wrong variant of exercise 41: the reset gate multiplies h before the matrix product (Cho et al. 2014)."""

import torch

PART = "gru_cell"
TITLE = "вентиль сброса применён к h до умножения на W_hn (вариант статьи Cho et al.), а не после"
HINTS = (
    "Сравните, где стоит r в вашей формуле кандидата n и в документации nn.GRU.",
    "В PyTorch r умножает уже посчитанную скрытую часть (W_hn h + b_hn), вместе со смещением b_hn; "
    "в статье 2014 года — вектор h до умножения. Результаты различаются.",
    "Посчитайте скрытую часть всех трёх блоков одним произведением h @ W_hh.T + b_hh и умножьте на r "
    "только её третий блок.",
)


def gru_cell(x, h, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    gi = x @ W_ih.T + b_ih
    gh = h @ W_hh.T + b_hh
    r = torch.sigmoid(gi[:, :H] + gh[:, :H])
    z = torch.sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
    n = torch.tanh(gi[:, 2 * H:] + (r * h) @ W_hh[2 * H:].T + b_hh[2 * H:])
    return (1 - z) * n + z * h
