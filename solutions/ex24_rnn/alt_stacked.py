"""Correct alternative for ex24: one stacked weight [W_ih, W_hh] acting on [x_t, h_{t-1}], the states
kept in a list with h0 in front, weight gradients summed with einsum after the loop, the global norm
from one concatenated vector, and each Jacobian rebuilt from scratch with its top singular value."""

import numpy as np


def _states(x, h0, W_ih, W_hh, b_ih, b_hh):
    W = np.concatenate([W_ih, W_hh], axis=1)  # (H, I + H): Elman's "context as extra input"
    b = b_ih + b_hh
    states = [h0]
    for x_t in x:
        states.append(np.tanh(np.concatenate([x_t, states[-1]], axis=1) @ W.T + b))
    return np.stack(states)  # (T + 1, B, H), states[t] = h_t


def rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    states = _states(x, h0, W_ih, W_hh, b_ih, b_hh)
    return states[1:].copy(), states[-1].copy()


def rnn_backward(x, h0, W_ih, W_hh, b_ih, b_hh, d_output, d_h_n):
    states = _states(x, h0, W_ih, W_hh, b_ih, b_hh)
    T = x.shape[0]
    deltas = np.zeros((T,) + h0.shape)  # deltas[t-1] = dL/da_t
    g = np.zeros_like(h0)  # gradient arriving at h_t from step t + 1
    for t in range(T, 0, -1):
        g_total = g + d_output[t - 1] + (d_h_n if t == T else 0.0)
        deltas[t - 1] = g_total * (1.0 - states[t] ** 2)
        g = deltas[t - 1] @ W_hh
    dx = np.einsum("tbh,hi->tbi", deltas, W_ih)
    dW_ih = np.einsum("tbh,tbi->hi", deltas, x)
    dW_hh = np.einsum("tbh,tbj->hj", deltas, states[:-1])  # the state that entered each step
    db = deltas.sum(axis=(0, 1))
    return dx, g, dW_ih, dW_hh, db, db.copy()


def clip_grad_norm(grads, max_norm):
    flat = np.concatenate([np.ravel(g) for g in grads])
    total = float(np.linalg.norm(flat))
    scale = min(1.0, max_norm / (total + 1e-6))
    return total, [np.array(g) * scale for g in grads]


def gradient_norms_by_lag(x, h0, W_ih, W_hh, b_ih, b_hh):
    states = _states(x, h0, W_ih, W_hh, b_ih, b_hh)
    T, B, H = x.shape[0], h0.shape[0], h0.shape[1]
    norms = np.empty((B, T + 1))
    for b in range(B):
        for k in range(T + 1):
            J = np.eye(H)
            for t in range(T, T - k, -1):  # dh_T/dh_{T-k} = D_T W D_{T-1} W ... D_{T-k+1} W
                J = J @ np.diag(1.0 - states[t, b] ** 2) @ W_hh
            norms[b, k] = np.linalg.svd(J, compute_uv=False)[0]
    return norms
