"""Wrong variant of ex25: the gate blocks are read in the order i, f, o, g instead of i, f, g, o."""

import numpy as np

PART = "lstm_cell"
TITLE = "неверный порядок гейтов: i, f, o, g вместо i, f, g, o"
HINTS = (
    "В каком порядке PyTorch хранит блоки гейтов в строках W_ih, W_hh и в смещениях?",
    (
        "У torch.nn.LSTMCell порядок блоков i, f, g, o: кандидат g (с tanh) — третий блок, а "
        "выходной гейт o — четвёртый."
    ),
    (
        "После разбиения z на четыре блока по H столбцов используйте третий блок "
        "как g = tanh(...), а четвёртый как o = sigmoid(...)."
    ),
)


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    z = x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh
    z_i, z_f, z_o, z_g = np.split(z, 4, axis=1)  # the mistake: o before g
    i, f, g, o = _sigmoid(z_i), _sigmoid(z_f), np.tanh(z_g), _sigmoid(z_o)
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c
