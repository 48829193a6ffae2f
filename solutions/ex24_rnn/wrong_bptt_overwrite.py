"""Wrong variant of ex24: the weight gradients are assigned at every step instead of accumulated."""

import numpy as np

PART = "rnn_backward"
TITLE = "градиенты общих весов не накапливаются по шагам (= вместо +=): остаётся вклад одного шага"
HINTS = (
    "Веса W_ih, W_hh и смещения одни и те же на всех шагах. Сколько раз каждый из них участвует в L?",
    "Градиент по общему параметру — сумма вкладов всех шагов развёрнутой сети.",
    "В цикле по времени прибавляйте вклад шага к dW_ih, dW_hh, db, а не перезаписывайте их.",
)


def rnn_backward(x, h0, W_ih, W_hh, b_ih, b_hh, d_output, d_h_n):
    output, _ = rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh)
    dx = np.empty(x.shape)
    dh = d_h_n.copy()
    for t in reversed(range(x.shape[0])):
        dh = dh + d_output[t]
        h_prev = output[t - 1] if t > 0 else h0
        delta = dh * (1.0 - output[t] ** 2)
        dW_ih = delta.T @ x[t]  # the mistake: = instead of +=
        dW_hh = delta.T @ h_prev
        db = delta.sum(axis=0)
        dx[t] = delta @ W_ih
        dh = delta @ W_hh
    return dx, dh, dW_ih, dW_hh, db, db.copy()
