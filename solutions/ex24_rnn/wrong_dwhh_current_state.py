"""Wrong variant of ex24: dW_hh pairs delta_t with h_t instead of the state h_{t-1} that entered the step."""

import numpy as np

PART = "rnn_backward"
TITLE = "в dW_hh взято h_t вместо h_{t−1}"
HINTS = (
    "На какое состояние умножается W_hh в предактивации шага t?",
    "a_t = x_t W_ihᵀ + h_{t−1} W_hhᵀ + ...: градиент по W_hh на шаге t — это δ_tᵀ h_{t−1}, как δᵀx для W_ih.",
    "Для первого шага это h0; на шаге t берите output[t − 1], а не output[t].",
)


def rnn_backward(x, h0, W_ih, W_hh, b_ih, b_hh, d_output, d_h_n):
    output, _ = rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh)
    dx = np.empty(x.shape)
    dW_ih, dW_hh, db = np.zeros(W_ih.shape), np.zeros(W_hh.shape), np.zeros(b_ih.shape)
    dh = d_h_n.copy()
    for t in reversed(range(x.shape[0])):
        dh = dh + d_output[t]
        delta = dh * (1.0 - output[t] ** 2)
        dW_ih += delta.T @ x[t]
        dW_hh += delta.T @ output[t]  # the mistake: h_t instead of h_{t-1}
        db += delta.sum(axis=0)
        dx[t] = delta @ W_ih
        dh = delta @ W_hh
    return dx, dh, dW_ih, dW_hh, db, db.copy()
