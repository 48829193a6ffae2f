"""Wrong variant of ex25: the backward ignores the path from dh into c (uses dc alone as dL/dc)."""

import numpy as np

PART = "lstm_cell_backward"
TITLE = "в градиенте по c потерян путь через h = o * tanh(c)"
HINTS = (
    "Через какие пути c влияет на L = sum(h * dh) + sum(c * dc)?",
    (
        "c входит в L напрямую и ещё через h = o * tanh(c); полный градиент по c — сумма "
        "вкладов обоих путей."
    ),
    (
        "Полный градиент по c равен dc + dh * o * (1 - tanh(c)**2); используйте его для "
        "градиентов по i, f, g и по c_prev."
    ),
)


def lstm_cell_backward(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh, dh, dc):
    i, f, g, o = _gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    tanh_c = np.tanh(f * c_prev + i * g)
    dc_total = dc  # the mistake: the term dh * o * (1 - tanh_c**2) is missing
    dgates = (dc_total * g, dc_total * c_prev, dc_total * i, dh * tanh_c)
    dz = _gates_backward((i, f, g, o), dgates)
    dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh = _affine_backward(dz, x, h_prev, W_ih, W_hh)
    return dx, dh_prev, dc_total * f, dW_ih, dW_hh, db_ih, db_hh
