"""Wrong variant of ex24: tanh' is taken as 1 - a^2 of the pre-activation a instead of 1 - h^2."""

import numpy as np

PART = "rnn_backward"
TITLE = "производная tanh взята как 1 − a² от предактивации, а не 1 − h²"
HINTS = (
    "Чему равна производная tanh(a) по a? В какую величину подставляется квадрат?",
    "tanh'(a) = 1 − tanh²(a); tanh(a) на шаге t — это уже посчитанное состояние h_t.",
    "Умножайте градиент по h_t на (1 − h_t**2), где h_t — выход шага, а не сумма до tanh.",
)


def rnn_backward(x, h0, W_ih, W_hh, b_ih, b_hh, d_output, d_h_n):
    output, _ = rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh)
    dx = np.empty(x.shape)
    dW_ih, dW_hh, db = np.zeros(W_ih.shape), np.zeros(W_hh.shape), np.zeros(b_ih.shape)
    dh = d_h_n.copy()
    for t in reversed(range(x.shape[0])):
        dh = dh + d_output[t]
        h_prev = output[t - 1] if t > 0 else h0
        a = x[t] @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh
        delta = dh * (1.0 - a**2)  # the mistake: 1 - a^2 is not tanh'(a)
        dW_ih += delta.T @ x[t]
        dW_hh += delta.T @ h_prev
        db += delta.sum(axis=0)
        dx[t] = delta @ W_ih
        dh = delta @ W_hh
    return dx, dh, dW_ih, dW_hh, db, db.copy()
