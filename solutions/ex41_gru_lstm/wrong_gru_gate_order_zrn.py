"""Wrong variant of exercise 41: the first two row blocks read as z, r instead of r, z."""

import torch

PART = "gru_cell"
TITLE = "блоки строк прочитаны в порядке z, r, n вместо r, z, n"
HINTS = (
    "Проверьте, какой блок строк W_ih вы считаете вентилем обновления.",
    "У nn.GRU блоки идут в порядке r, z, n: первый — сброс (reset), второй — обновление (update).",
    "Закройте вентиль z большим смещением во втором блоке: правильная ячейка должна вернуть h без изменений.",
)


def gru_cell(x, h, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    gi = x @ W_ih.T + b_ih
    gh = h @ W_hh.T + b_hh
    z = torch.sigmoid(gi[:, :H] + gh[:, :H])
    r = torch.sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
    n = torch.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
    return (1 - z) * n + z * h
