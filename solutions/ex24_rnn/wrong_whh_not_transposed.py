"""Wrong variant of ex24: the recurrent weight is applied as h @ W_hh instead of h @ W_hh.T."""

import numpy as np

PART = "rnn_forward"
TITLE = "W_hh не транспонирована: h @ W_hh вместо h @ W_hh.T"
HINTS = (
    "W_hh квадратная, поэтому форма ошибку не выдаст. Какой индекс W_hh отвечает за новое состояние?",
    "В PyTorch h_t = tanh(W_ih x_t + W_hh h_{t-1} + ...) для столбцов; строка j матрицы W_hh — веса нейрона j.",
    "Когда состояния — строки батча (B, H), произведение W_hh h записывается как h @ W_hh.T, так же как x @ W_ih.T.",
)


def rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    output = np.empty((x.shape[0],) + h0.shape)
    h = h0
    for t in range(x.shape[0]):
        h = np.tanh(x[t] @ W_ih.T + b_ih + h @ W_hh + b_hh)  # the mistake: W_hh, not W_hh.T
        output[t] = h
    return output, h
