"""Wrong variant of ex24: only b_ih enters the recurrence; b_hh is dropped."""

import numpy as np

PART = "rnn_forward"
TITLE = "используется только одно смещение b_ih (b_hh потерян)"
HINTS = (
    "Все ли аргументы функции участвуют в вычислении?",
    "У nn.RNN два вектора смещений, bias_ih и bias_hh, и на каждом шаге складываются оба.",
    "Предактивация шага: x_t @ W_ih.T + b_ih + h_{t-1} @ W_hh.T + b_hh.",
)


def rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    output = np.empty((x.shape[0],) + h0.shape)
    h = h0
    for t in range(x.shape[0]):
        h = np.tanh(x[t] @ W_ih.T + b_ih + h @ W_hh.T)  # the mistake: + b_hh is missing
        output[t] = h
    return output, h
