"""Reference solution of exercise 25: an LSTM cell, a sequence and the cell's backward pass.

Conventions follow PyTorch: the weight and bias rows hold the gates in the order
i, f, g, o, and both bias vectors (b_ih and b_hh) enter every pre-activation.
"""

import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """Numerically stable logistic sigmoid."""
    # Equal to 1 / (1 + exp(-z)), but tanh saturates at +-1 instead of overflowing.
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def _gates(
    x: np.ndarray,
    h_prev: np.ndarray,
    W_ih: np.ndarray,
    W_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Activated gates (i, f, g, o), each (B, H)."""
    # One fused product per weight matrix: the 4 gates sit in consecutive row blocks.
    z = x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh  # (B, 4H)
    z_i, z_f, z_g, z_o = np.split(z, 4, axis=1)  # each (B, H), PyTorch order
    return _sigmoid(z_i), _sigmoid(z_f), np.tanh(z_g), _sigmoid(z_o)


def _gates_backward(gates: tuple[np.ndarray, ...], dgates: tuple[np.ndarray, ...]) -> np.ndarray:
    """Gradient w.r.t. the pre-activations z, (B, 4H), from the gradients w.r.t. the gates."""
    i, f, g, o = gates
    di, df, dg, do = dgates
    # The derivatives come from the activations' outputs: sigmoid' = s(1 - s), tanh' = 1 - t^2.
    return np.concatenate(
        [di * i * (1.0 - i), df * f * (1.0 - f), dg * (1.0 - g**2), do * o * (1.0 - o)],
        axis=1,
    )  # (B, 4H), blocks in the same order as the rows of W_ih


def _affine_backward(
    dz: np.ndarray,
    x: np.ndarray,
    h_prev: np.ndarray,
    W_ih: np.ndarray,
    W_hh: np.ndarray,
) -> tuple[np.ndarray, ...]:
    """Backward of z = x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh, given dz (B, 4H).

    Returns (dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh).
    """
    dx = dz @ W_ih  # (B, I)
    dh_prev = dz @ W_hh  # (B, H)
    # Weights are shared by the whole batch, so their gradients sum over it.
    dW_ih = dz.T @ x  # (4H, I)
    dW_hh = dz.T @ h_prev  # (4H, H)
    db_ih = dz.sum(axis=0)  # (4H,)
    # Both biases are added to z in the same way, so they get the same gradient.
    db_hh = db_ih.copy()  # (4H,)
    return dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh


def lstm_cell(
    x: np.ndarray,
    h_prev: np.ndarray,
    c_prev: np.ndarray,
    W_ih: np.ndarray,
    W_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """One step of an LSTM cell, computed exactly as torch.nn.LSTMCell computes it.

    Shapes (B = batch size, I = input size, H = hidden size); every array is float64:
        x (B, I), h_prev (B, H), c_prev (B, H),
        W_ih (4H, I), W_hh (4H, H), b_ih (4H,), b_hh (4H,).

    PyTorch's layout: the rows of W_ih, W_hh, b_ih and b_hh form four blocks of H rows,
    one block per gate, in the order i, f, g, o (input gate, forget gate, candidate,
    output gate). There are two bias vectors and both are used. With

        z = x @ W_ih.T + b_ih + h_prev @ W_hh.T + b_hh,   shape (B, 4H),

    split along its columns into the blocks z_i, z_f, z_g, z_o (each (B, H)):

        i = sigmoid(z_i),  f = sigmoid(z_f),  g = tanh(z_g),  o = sigmoid(z_o)
        c = f * c_prev + i * g
        h = o * tanh(c)

    Use a numerically stable sigmoid: the pre-activations can be large and must not
    cause overflow warnings; for example sigmoid(z) = 0.5 * (1 + tanh(z / 2)).
    NumPy only. Do not modify the inputs (during grading they are read-only).

    Returns:
        (h, c): the new hidden state and cell state, both (B, H) float64.
    """
    i, f, g, o = _gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)  # each (B, H)
    # Forget part of the old memory, write part of the candidate.
    c = f * c_prev + i * g  # (B, H)
    # The output gate decides how much of the squashed memory is exposed.
    h = o * np.tanh(c)  # (B, H)
    return h, c


def lstm_forward(
    x: np.ndarray,
    h0: np.ndarray,
    c0: np.ndarray,
    W_ih: np.ndarray,
    W_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """Run a one-layer LSTM over a sequence, like torch.nn.LSTM(I, H) with batch_first=False.

    Shapes; every array is float64:
        x (T, B, I), sequence first: x[t] is the batch of inputs at step t;
        h0, c0 (B, H): the initial states (torch.nn.LSTM would take h0[None], c0[None]);
        W_ih, W_hh, b_ih, b_hh: as in lstm_cell (gate order i, f, g, o, two biases),
        the same weights at every step.

    Starting from (h0, c0), each step applies your lstm_cell to x[t] and the states
    left by the previous step. NumPy only. Do not modify the inputs.

    Returns:
        (output, (h_n, c_n)): output (T, B, H) holds the hidden state after every step
        (output[t] is the h computed from x[t], so output[-1] is h_n); h_n and c_n,
        both (B, H), are the hidden and cell states after the last step.
    """
    T = x.shape[0]
    output = np.empty((T,) + h0.shape)  # (T, B, H)
    h, c = h0, c0
    for t in range(T):
        # The states produced by step t are the inputs of step t + 1.
        h, c = lstm_cell(x[t], h, c, W_ih, W_hh, b_ih, b_hh)
        output[t] = h
    return output, (h, c)


def lstm_cell_backward(
    x: np.ndarray,
    h_prev: np.ndarray,
    c_prev: np.ndarray,
    W_ih: np.ndarray,
    W_hh: np.ndarray,
    b_ih: np.ndarray,
    b_hh: np.ndarray,
    dh: np.ndarray,
    dc: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Backward pass of one lstm_cell step; the results must match torch autograd.

    Let (h, c) = lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh) and
    L = sum(h * dh) + sum(c * dc), so dh and dc, both (B, H), are the upstream
    gradients dL/dh and dL/dc. Compute the gradient of L with respect to every input
    of lstm_cell. Shapes and conventions are those of lstm_cell (gate order i, f, g, o,
    two biases); every array is float64. Recompute the forward quantities you need from
    the inputs. NumPy only (no automatic differentiation); use a numerically stable
    sigmoid. Do not modify the inputs.

    Returns:
        (dx, dh_prev, dc_prev, dW_ih, dW_hh, db_ih, db_hh), in that order, each with
        the shape of the corresponding input: (B, I), (B, H), (B, H), (4H, I), (4H, H),
        (4H,), (4H,).
    """
    i, f, g, o = _gates(x, h_prev, W_ih, W_hh, b_ih, b_hh)  # each (B, H)
    tanh_c = np.tanh(f * c_prev + i * g)  # (B, H)
    # c reaches L directly (dc) and through h = o * tanh(c): add both paths.
    dc_total = dc + dh * o * (1.0 - tanh_c**2)  # (B, H)
    # c = f * c_prev + i * g and h = o * tanh(c), differentiated w.r.t. i, f, g, o.
    dgates = (dc_total * g, dc_total * c_prev, dc_total * i, dh * tanh_c)
    dz = _gates_backward((i, f, g, o), dgates)  # (B, 4H)
    dx, dh_prev, dW_ih, dW_hh, db_ih, db_hh = _affine_backward(dz, x, h_prev, W_ih, W_hh)
    # c_prev only enters through the forget gate.
    dc_prev = dc_total * f  # (B, H)
    return dx, dh_prev, dc_prev, dW_ih, dW_hh, db_ih, db_hh
