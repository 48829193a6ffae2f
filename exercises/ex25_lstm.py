"""Exercise 25: an LSTM cell, a sequence and the cell's backward pass in NumPy (topic 25).

Implement the three functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 25` (a single part: `grade exercise 25.2`).
"""

import numpy as np


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
    raise NotImplementedError("ex25.1: implement lstm_cell")


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
    raise NotImplementedError("ex25.2: implement lstm_forward")


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
    raise NotImplementedError("ex25.3: implement lstm_cell_backward")
