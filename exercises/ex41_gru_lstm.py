"""Exercise 41: torch.nn.GRU and torch.nn.LSTM from the inside (topic 41).

Implement the seven functions below with plain torch tensor operations; each is one part
of the exercise (parts 1-4: the recurrent layers; parts 5-7: the forecasting lab's data
preparation and its warm-up fit, done right). Every tensor you receive is float64 and lies
on the grading device (CPU or GPU): create new tensors on the inputs' device
(device=x.device, dtype=x.dtype) and return float64 tensors there. Grade your work with
`grade exercise 41` (a single part: `grade exercise 41.2`).

Forbidden: the recurrent modules and kernels that are the answer. The names GRU, GRUCell,
LSTM, LSTMCell, RNNBase, gru, lstm, gru_cell, lstm_cell and _VF are found by name when they
come from torch (torch.nn.X, torch.X, from torch... import X); your own functions and variables
may use them (the gru_cell you write below, say). torch.sigmoid, torch.tanh, matrix products,
torch.cat, torch.stack, torch.flip, torch.gather and indexing are all you need.
"""

import torch


def gru_cell(
    x: torch.Tensor,
    h: torch.Tensor,
    W_ih: torch.Tensor,
    W_hh: torch.Tensor,
    b_ih: torch.Tensor,
    b_hh: torch.Tensor,
) -> torch.Tensor:
    """One step of a GRU cell, computed exactly as torch.nn.GRUCell computes it.

    Shapes (B = batch size, I = input size, H = hidden size); every tensor is float64:
        x (B, I), h (B, H), W_ih (3H, I), W_hh (3H, H), b_ih (3H,), b_hh (3H,).

    PyTorch's layout: the rows of W_ih, W_hh, b_ih and b_hh form three blocks of H rows
    in the order r, z, n (reset gate, update gate, candidate). With the blocks
    W_ir, W_iz, W_in of W_ih (and likewise for W_hh, b_ih, b_hh), row-vector form:

        r = sigmoid(x @ W_ir.T + b_ir + h @ W_hr.T + b_hr)
        z = sigmoid(x @ W_iz.T + b_iz + h @ W_hz.T + b_hz)
        n = tanh(x @ W_in.T + b_in + r * (h @ W_hn.T + b_hn))
        h_new = (1 - z) * n + z * h

    Note where r acts: on the hidden part (h @ W_hn.T + b_hn) AFTER the matrix product,
    not on h before it. Do not modify the inputs.

    Returns:
        h_new: (B, H) float64 tensor on the inputs' device.
    """
    raise NotImplementedError("ex41.1: implement gru_cell")


def lstm_forward(
    x: torch.Tensor,
    state_dict: dict[str, torch.Tensor],
    num_layers: int,
    bidirectional: bool,
    h0: torch.Tensor | None = None,
    c0: torch.Tensor | None = None,
) -> tuple[torch.Tensor, tuple[torch.Tensor, torch.Tensor]]:
    """Run torch.nn.LSTM(I, H, num_layers, bidirectional=bidirectional) (sequence first) by hand.

    x (T, B, I): x[t] is the batch at step t (batch_first=False). D = 2 if bidirectional
    else 1. state_dict holds the module's parameters under torch's names (bias=True,
    proj_size=0), for every layer k = 0 .. num_layers - 1:
        weight_ih_l{k} (4H, I_k), weight_hh_l{k} (4H, H), bias_ih_l{k} (4H,), bias_hh_l{k} (4H,)
    with I_0 = I and I_k = D * H for k > 0; the backward direction's parameters carry the
    suffix "_reverse" (weight_ih_l{k}_reverse, ...). Gate blocks are in the order i, f, g, o
    and both biases are used:
        i, f, g, o = split(x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh, 4 blocks of H)
        c = sigmoid(f) * c + sigmoid(i) * tanh(g);  h = sigmoid(o) * tanh(c)

    h0, c0 (num_layers * D, B, H), or None for zeros. Their index is layer * D + direction
    (direction 0 = forward, 1 = backward), the same order torch uses for h_n and c_n.

    Layer k reads the outputs of layer k - 1 (x for k = 0). The forward direction runs
    t = 0 .. T - 1; the backward direction runs t = T - 1 .. 0 over the same input, and its
    output for step t is stored at position t. A layer's output at step t is
    cat([forward h_t, backward h_t]) along the features (forward first). No dropout.

    Returns:
        (output, (h_n, c_n)): output (T, B, D * H), the top layer's outputs; h_n and c_n
        (num_layers * D, B, H), the final states of every layer and direction (for the
        backward direction: its state after it has processed x[0]). All float64, on the
        inputs' device.
    """
    raise NotImplementedError("ex41.2: implement lstm_forward")


def lstm_parameter_count(
    input_size: int,
    hidden_size: int,
    num_layers: int = 1,
    bidirectional: bool = False,
    proj_size: int = 0,
) -> int:
    """The number of trainable parameters of torch.nn.LSTM with these arguments (bias=True).

    Exactly sum(p.numel() for p in nn.LSTM(...).parameters()), computed by a formula,
    without building a module. With proj_size = P > 0 each layer and direction also has
    weight_hr (P, H), the recurrent weight becomes weight_hh (4H, P), and the next layer
    reads D * P features instead of D * H.

    Returns:
        a Python int.
    """
    raise NotImplementedError("ex41.3: implement lstm_parameter_count")


def last_valid_output(output: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """The output at the last real (non-padded) step of every sequence of a padded batch.

    output (T, B, F) float64, sequence first, as pad_packed_sequence returns it: sequence b
    has lengths[b] real steps, output[lengths[b]:, b] is padding. lengths (B,) int64 on the
    same device as output, 1 <= lengths[b] <= T, in any order (not sorted).

    Returns:
        (B, F) float64 tensor on output's device: row b is output[lengths[b] - 1, b].
        For a unidirectional LSTM run on the packed batch this equals h_n[-1].
    """
    raise NotImplementedError("ex41.4: implement last_valid_output")


def make_windows(series: torch.Tensor, window: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(window, next value) pairs for one-step-ahead forecasting of a time series.

    series (N,) float64 tensor (for example the airline passengers of
    exercises/data/airline_passengers.csv), 1 <= window < N.

    Returns:
        (X, y): X (N - window, window) with X[i] = series[i : i + window] and
        y (N - window,) with y[i] = series[i + window], both float64 on series' device.
        Every window that has a target is kept, the last one included
        (X[-1] = series[N - window - 1 : N - 1], y[-1] = series[N - 1]).
    """
    raise NotImplementedError("ex41.5: implement make_windows")


def scale_by_train(series: torch.Tensor, train_size: int) -> torch.Tensor:
    """Min-max scaling whose minimum and maximum are fitted on the training part only.

    series (N,) float64 tensor; its first train_size values (2 <= train_size <= N) are the
    training part, the rest is the test part. With lo = min(series[:train_size]) and
    hi = max(series[:train_size]) (hi > lo), return (series - lo) / (hi - lo) for the whole
    series: shape (N,), float64, on series' device. Test values may fall outside [0, 1];
    that is correct, since the test part must not influence the scaler.
    """
    raise NotImplementedError("ex41.6: implement scale_by_train")


def fit_cubic(x: torch.Tensor, A: float, B: float) -> torch.Tensor:
    """The least-squares cubic a + b x + c x^2 + d x^3 for the target A cos x + B sin x.

    x (N,) float64 tensor of distinct points in [-pi, pi], N >= 4; A and B are Python floats.
    Minimise sum over the points of (a + b x + c x^2 + d x^3 - A cos x - B sin x)^2.
    Any method that reaches the minimum is fine: the normal equations, torch.linalg.lstsq,
    or gradient descent with autograd run to convergence (graded to 1e-6).

    Returns:
        (4,) float64 tensor (a, b, c, d), lowest degree first, on x's device.
    """
    raise NotImplementedError("ex41.7: implement fit_cubic")
