"""Wrong variant of ex24: the gradient is carried back through W_hh untransposed (as in the seed's code)."""

import numpy as np

PART = "rnn_backward"
TITLE = "градиент переносится на h_{t−1} через W_hh без транспонирования"
HINTS = (
    "Проверьте на T = 1 и на симметричной W_hh: ошибка пропадёт. Что это говорит о W_hh в обратном проходе?",
    "Обратный проход через линейное отображение h ↦ W_hh h умножает градиент на W_hhᵀ.",
    "Для строк батча прямой проход — h @ W_hh.T, поэтому градиент по h_{t−1} — delta @ W_hh.",
)


def rnn_backward(x, h0, W_ih, W_hh, b_ih, b_hh, d_output, d_h_n):
    output, _ = rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh)
    dx = np.empty(x.shape)
    dW_ih, dW_hh, db = np.zeros(W_ih.shape), np.zeros(W_hh.shape), np.zeros(b_ih.shape)
    dh = d_h_n.copy()
    for t in reversed(range(x.shape[0])):
        dh = dh + d_output[t]
        h_prev = output[t - 1] if t > 0 else h0
        delta = dh * (1.0 - output[t] ** 2)
        dW_ih += delta.T @ x[t]
        dW_hh += delta.T @ h_prev
        db += delta.sum(axis=0)
        dx[t] = delta @ W_ih
        dh = delta @ W_hh.T  # the mistake: should be delta @ W_hh
    return dx, dh, dW_ih, dW_hh, db, db.copy()
