"""Wrong variant of exercise 41: h' = z * n + (1 - z) * h (the other textbook convention)."""

import torch

PART = "gru_cell"
TITLE = "(1 − z) стоит не при том слагаемом: h' = z ⊙ n + (1 − z) ⊙ h"
HINTS = (
    "Что должна вернуть ячейка PyTorch, когда вентиль обновления z равен 1?",
    "В PyTorch z = 1 означает «оставить старое состояние»: h' = h. В части учебников (и в Википедии) "
    "роли z и 1 − z переставлены.",
    "Множитель z стоит при старом состоянии h, множитель (1 − z) — при кандидате n.",
)


def gru_cell(x, h, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    gi = x @ W_ih.T + b_ih
    gh = h @ W_hh.T + b_hh
    r = torch.sigmoid(gi[:, :H] + gh[:, :H])
    z = torch.sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
    n = torch.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
    return z * n + (1 - z) * h
