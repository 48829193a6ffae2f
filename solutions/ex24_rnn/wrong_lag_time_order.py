"""Wrong variant of ex24: the norms are stored by time t (||dh_T/dh_t|| at index t), not by lag k = T - t."""

import numpy as np

PART = "gradient_norms_by_lag"
TITLE = "нормы упорядочены по времени t, а не по отставанию k = T − t"
HINTS = (
    "Чему должен быть равен norms[:, 0]? А у вас?",
    "Индекс k — отставание: norms[:, 0] относится к самому h_T (якобиан — единичная матрица, норма 1).",
    "norms[:, k] = ||dh_T/dh_{T−k}||₂: порядок столбцов обратный порядку времени.",
)


def gradient_norms_by_lag(x, h0, W_ih, W_hh, b_ih, b_hh):
    output, _ = rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh)
    T, B, H = output.shape
    J = np.broadcast_to(np.eye(H), (B, H, H)).copy()  # dh_T/dh_T
    norms = np.empty((B, T + 1))
    norms[:, T] = 1.0
    for t in range(T, 0, -1):
        J = J @ ((1.0 - output[t - 1] ** 2)[:, :, None] * W_hh)  # now dh_T/dh_{t-1}
        norms[:, t - 1] = np.linalg.norm(J, ord=2, axis=(1, 2))  # the mistake: indexed by time, not by lag
    return norms
