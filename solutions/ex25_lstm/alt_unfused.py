"""Correct alternative for ex25: unfused gates (one weight slice and one product per gate),
a backward written gate by gate, and the sequence outputs collected in a list."""

import numpy as np


def _stable_sigmoid(z):
    # exp of a non-positive number never overflows; pick the form that only needs exp(-|z|).
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _gate_slices(H):
    # Row blocks of W_ih, W_hh, b_ih and b_hh in PyTorch's gate order i, f, g, o.
    return {name: slice(k * H, (k + 1) * H) for k, name in enumerate("ifgo")}


def _unfused_gates(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    gates = {}
    for name, rows in _gate_slices(H).items():
        W_x, W_h = W_ih[rows], W_hh[rows]  # (H, I), (H, H): e.g. W_ii and W_hi
        z = x @ W_x.T + b_ih[rows] + h_prev @ W_h.T + b_hh[rows]  # (B, H)
        gates[name] = np.tanh(z) if name == "g" else _stable_sigmoid(z)
    return gates


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    gt = _unfused_gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    c = gt["f"] * c_prev + gt["i"] * gt["g"]
    h = gt["o"] * np.tanh(c)
    return h, c


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    h, c = h0, c0
    outputs = []
    for x_t in x:  # iterating over axis 0 walks through time
        h, c = lstm_cell(x_t, h, c, W_ih, W_hh, b_ih, b_hh)
        outputs.append(h)
    return np.stack(outputs), (h, c)


def lstm_cell_backward(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh, dh, dc):
    H = h_prev.shape[1]
    gt = _unfused_gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)
    i, f, g, o = gt["i"], gt["f"], gt["g"], gt["o"]
    c = f * c_prev + i * g
    tanh_c = np.tanh(c)

    # dL/dc: the direct term plus the path through h = o * tanh(c).
    dc_total = dc + dh * o * (1.0 - tanh_c * tanh_c)

    # dL/dz per gate, through each gate's own activation.
    dz = {
        "i": dc_total * g * i * (1.0 - i),
        "f": dc_total * c_prev * f * (1.0 - f),
        "g": dc_total * i * (1.0 - g * g),
        "o": dh * tanh_c * o * (1.0 - o),
    }

    dx = np.zeros_like(x, dtype=np.float64)
    dh_prev = np.zeros_like(h_prev, dtype=np.float64)
    dW_ih = np.zeros_like(W_ih, dtype=np.float64)
    dW_hh = np.zeros_like(W_hh, dtype=np.float64)
    db = np.zeros_like(b_ih, dtype=np.float64)
    for name, rows in _gate_slices(H).items():
        dz_k = dz[name]  # (B, H)
        dx += dz_k @ W_ih[rows]
        dh_prev += dz_k @ W_hh[rows]
        dW_ih[rows] = dz_k.T @ x
        dW_hh[rows] = dz_k.T @ h_prev
        db[rows] = dz_k.sum(axis=0)

    dc_prev = dc_total * f
    return dx, dh_prev, dc_prev, dW_ih, dW_hh, db, db.copy()
