"""Exercise 24: an Elman RNN, backpropagation through time, gradient clipping and
vanishing gradients in NumPy (topic 24).

Implement the four functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 24` (a single part: `grade exercise 24.2`).
"""

import numpy as np


def rnn_forward(
    x: np.ndarray,
    h0: np.ndarray,
    W_ih: np.ndarray,
    W_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Run a one-layer Elman RNN with tanh over a sequence, like torch.nn.RNN(I, H).

    Shapes (T = steps, B = batch size, I = input size, H = hidden size); every array
    is float64:
        x (T, B, I), sequence first: x[t-1] is the batch of inputs of step t = 1..T;
        h0 (B, H): the initial hidden state (torch.nn.RNN would take h0[None]);
        W_ih (H, I), W_hh (H, H), b_ih (H,), b_hh (H,): the same at every step.

    The recurrence, with h_0 = h0 and x_t = x[t-1] for t = 1..T (the row-vector form
    of PyTorch's h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)):

        h_t = tanh(x_t @ W_ih.T + b_ih + h_{t-1} @ W_hh.T + b_hh)

    NumPy only (no torch, no scipy). Do not modify the inputs (during grading they
    are read-only).

    Returns:
        (output, h_n): output (T, B, H) holds the state after every step,
        output[t-1] = h_t (so output[t] is computed from x[t] and output[-1] equals
        h_n); h_n = h_T (B, H) is the last state.
    """
    raise NotImplementedError("ex24.1: implement rnn_forward")


def rnn_backward(
    x: np.ndarray,
    h0: np.ndarray,
    W_ih: np.ndarray,
    W_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
    d_output: np.ndarray,
    d_h_n: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Backpropagation through time for rnn_forward; the results must match torch autograd.

    Let (output, h_n) = rnn_forward(x, h0, W_ih, W_hh, b_ih, b_hh) and
    L = sum(output * d_output) + sum(h_n * d_h_n), so d_output (T, B, H) and
    d_h_n (B, H) are the upstream gradients dL/doutput and dL/dh_n. Compute the
    gradient of L with respect to every input of rnn_forward. Shapes and conventions
    are those of rnn_forward; every array is float64.

    h_n is the same state as output[-1], so its gradient adds to d_output[-1]. The
    weights are shared by all steps: their gradients are sums over the steps (and
    over the batch). Recompute the forward states you need from the inputs.
    NumPy only (no automatic differentiation). Do not modify the inputs.

    Returns:
        (dx, dh0, dW_ih, dW_hh, db_ih, db_hh), in that order, each with the shape of
        the corresponding input: (T, B, I), (B, H), (H, I), (H, H), (H,), (H,).
    """
    raise NotImplementedError("ex24.2: implement rnn_backward")


def clip_grad_norm(grads: list[np.ndarray], max_norm: float) -> tuple[float, list[np.ndarray]]:
    """Clip gradients by their global L2 norm, like torch.nn.utils.clip_grad_norm_.

    grads is a list of float64 arrays of any shapes (the gradients of all parameters
    of a model); max_norm > 0 is a float. The total norm is the L2 norm of all their
    entries together: total = sqrt(sum over arrays of sum(g**2)). As in PyTorch,

        coef = max_norm / (total + 1e-6)

    and every array is multiplied by coef only when coef < 1 (otherwise the arrays
    are returned unchanged: small gradients are never scaled up). One coefficient
    for all arrays, so the direction of the whole gradient is kept.

    Unlike the in-place torch function, return new arrays and leave the inputs
    unchanged (during grading they are read-only). NumPy only.

    Returns:
        (total, clipped): total is the norm *before* clipping, a Python float;
        clipped is a list of float64 arrays with the shapes of grads, in the same order.
    """
    raise NotImplementedError("ex24.3: implement clip_grad_norm")


def gradient_norms_by_lag(
    x: np.ndarray,
    h0: np.ndarray,
    W_ih: np.ndarray,
    W_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> np.ndarray:
    """How strongly the last state depends on earlier states: ||dh_T/dh_{T-k}||_2 for every lag k.

    The arguments are those of rnn_forward. Number the states h_0 = h0 and h_t =
    output[t-1] for t = 1..T (h_t is the state after t steps). For every sample b of
    the batch and every lag k = 0..T, let J be the H x H Jacobian of h_T[b] with
    respect to h_{T-k}[b] (the inputs x held fixed) and return its spectral norm (the
    largest singular value, np.linalg.norm(J, 2)). Note that

        dh_t/dh_{t-1} = diag(1 - h_t**2) @ W_hh        (per sample),

    so J is a product of k such factors; for k = 0 it is the identity (norm 1).

    NumPy only (no automatic differentiation). Do not modify the inputs.

    Returns:
        norms, float64 array of shape (B, T + 1): norms[b, k] = ||dh_T/dh_{T-k}||_2.
    """
    raise NotImplementedError("ex24.4: implement gradient_norms_by_lag")
