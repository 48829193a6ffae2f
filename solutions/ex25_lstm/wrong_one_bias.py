"""Wrong variant of ex25: only b_ih is added to the pre-activations; b_hh is dropped."""

import numpy as np

PART = "lstm_cell"
TITLE = "используется только одно смещение b_ih (b_hh потерян)"
HINTS = (
    "Все ли аргументы функции участвуют в вычислении?",
    "В PyTorch у LSTM два вектора смещений, b_ih и b_hh, и оба входят в каждую пре-активацию.",
    "Пре-активации должны быть x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh.",
)


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    z = x @ W_ih.T + h_prev @ W_hh.T + b_ih  # the mistake: b_hh is missing
    z_i, z_f, z_g, z_o = np.split(z, 4, axis=1)
    i, f, g, o = _sigmoid(z_i), _sigmoid(z_f), np.tanh(z_g), _sigmoid(z_o)
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c
