"""Wrong variant of ex25: dc_prev is the total cell gradient, not multiplied by the forget gate."""

import numpy as np

PART = "lstm_cell_backward"
TITLE = "dc_prev не умножен на забывающий гейт f"
HINTS = (
    "Как именно c_prev входит в формулу для c?",
    "c = f * c_prev + i * g, поэтому производная c по c_prev — это f, а не 1.",
    "dc_prev равен полному градиенту по c, умноженному поэлементно на f.",
)


def lstm_cell_backward(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh, dh, dc):
    i, f, g, o = _gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    tanh_c = np.tanh(f * c_prev + i * g)
    dc_total = dc + dh * o * (1.0 - tanh_c**2)
    dgates = (dc_total * g, dc_total * c_prev, dc_total * i, dh * tanh_c)
    dz = _gates_backward((i, f, g, o), dgates)
    dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh = _affine_backward(dz, x, h_prev, W_ih, W_hh)
    dc_prev = dc_total  # the mistake: the factor f is missing
    return dx, dh_prev, dc_prev, dW_ih, dW_hh, db_ih, db_hh
