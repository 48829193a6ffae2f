"""Wrong variant of ex24: output holds the states before each step (h0 .. h_{T-1}), not after."""

import numpy as np

PART = "rnn_forward"
TITLE = "output сдвинут на шаг: записано состояние до шага, а не после"
HINTS = (
    "Чему должен равняться output[-1] и совпадает ли он у вас с h_n?",
    "output[t] — состояние, вычисленное из x[t]; h0 в output не входит.",
    "Записывайте в output[t] новое h после того, как обновили его по x[t].",
)


def rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    output = np.empty((x.shape[0],) + h0.shape)
    h = h0
    for t in range(x.shape[0]):
        output[t] = h  # the mistake: the state is stored before the update
        h = np.tanh(x[t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh)
    return output, h
