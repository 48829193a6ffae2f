"""Wrong variant of ex24: dh_t/dh_{t-1} is taken as diag(1 - h_{t-1}^2) W_hh (the seed's index error)."""

import numpy as np

PART = "gradient_norms_by_lag"
TITLE = "в якобиане шага производная tanh взята в h_{t−1}, а не в h_t"
HINTS = (
    "h_t = tanh(a_t). В какой точке берётся производная tanh при дифференцировании h_t?",
    "dh_t/dh_{t−1} = diag(tanh'(a_t)) W_hh = diag(1 − h_t²) W_hh: множитель — от выхода того же шага.",
    "Множитель для перехода от h_{t−1} к h_t строится из output[t − 1] (это h_t), а не из состояния до шага.",
)


def gradient_norms_by_lag(x, h0, W_ih, W_hh, b_ih, b_hh):
    output, _ = rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh)
    T, B, H = output.shape
    states = np.concatenate([h0[None], output])  # states[t] = h_t
    J = np.broadcast_to(np.eye(H), (B, H, H)).copy()
    norms = np.empty((B, T + 1))
    norms[:, 0] = 1.0
    for k in range(1, T + 1):
        t = T - k + 1
        J = J @ ((1.0 - states[t - 1] ** 2)[:, :, None] * W_hh)  # the mistake: h_{t-1} instead of h_t
        norms[:, k] = np.linalg.norm(J, ord=2, axis=(1, 2))
    return norms
