"""Wrong variant of ex25: every step starts from (h0, c0) instead of the previous step's states."""

import numpy as np

PART = "lstm_forward"
TITLE = "состояние не передаётся между шагами: каждый шаг начинается с h0, c0"
HINTS = (
    "Зависит ли у вас output[t] от x[0], ..., x[t-1]?",
    (
        "Рекуррентность означает, что шаг t получает h и c, вычисленные на шаге t - 1; h0 и "
        "c0 нужны только на первом шаге."
    ),
    "Передавайте в lstm_cell состояния, которые вернул предыдущий вызов, и обновляйте их в цикле.",
)


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    outputs = []
    for t in range(x.shape[0]):
        h, c = lstm_cell(x[t], h0, c0, W_ih, W_hh, b_ih, b_hh)  # the mistake: always h0, c0
        outputs.append(h)
    return np.stack(outputs), (h, c)
