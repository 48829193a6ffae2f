"""Exercise 12: weight initialisation in NumPy (topic 12).

Implement the four functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 12` (a single part: `grade exercise 12.2`).

Conventions (the same as PyTorch's): a fully connected weight has shape (out, in) and
a layer computes y = x @ W.T; a convolution weight has shape
(out_channels, in_channels // groups, *kernel_size).
"""

import numpy as np


def fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """(fan_in, fan_out) of a weight of this shape, exactly as PyTorch computes them.

    shape: a tuple of positive ints, (out, in) for a linear layer or
        (out, in // groups, k1, k2, ...) for a convolution.
    The receptive field is the product of the sizes after the first two (1 for a
    linear layer); fan_in = shape[1] * receptive field, fan_out = shape[0] * receptive field.
    Returns a tuple of two Python ints. A shape with fewer than 2 dimensions has no fans:
    raise ValueError, as torch.nn.init._calculate_fan_in_and_fan_out does.
    """
    raise NotImplementedError("ex12.1: implement fans")


def xavier_uniform(shape: tuple[int, ...], gain: float = 1.0,
                   rng: np.random.Generator | None = None) -> np.ndarray:
    """A float64 array of this shape drawn from U(-a, a), a = gain * sqrt(6 / (fan_in + fan_out)).

    Like torch.nn.init.xavier_uniform_(tensor, gain=1.0): fans as in `fans(shape)`, so
    Var(w) = gain**2 * 2 / (fan_in + fan_out). Draw every number from `rng` (a
    np.random.Generator; if None, make one with np.random.default_rng()); never use
    the global np.random state, so that the same seed always gives the same array.
    """
    raise NotImplementedError("ex12.2: implement xavier_uniform")


def xavier_normal(shape: tuple[int, ...], gain: float = 1.0,
                  rng: np.random.Generator | None = None) -> np.ndarray:
    """A float64 array of this shape drawn from N(0, std**2), std = gain * sqrt(2 / (fan_in + fan_out)).

    Like torch.nn.init.xavier_normal_(tensor, gain=1.0); fans as in `fans(shape)`. Draw
    every number from `rng` (a np.random.Generator; if None, make one with
    np.random.default_rng()); never use the global np.random state.
    """
    raise NotImplementedError("ex12.3: implement xavier_normal")


def activation_stds(x: np.ndarray, weights: list[np.ndarray], activation: str) -> np.ndarray:
    """Standard deviation of the activations after each layer of a bias-free MLP.

    x: (N, d0) float64, a batch of inputs (N >= 1).
    weights: a list of L float64 matrices, weights[l] of shape (d_{l+1}, d_l) (torch layout).
    activation: "tanh", "relu" or "linear" (the identity).
    The network is h_0 = x, h_{l+1} = activation(h_l @ weights[l].T), the activation
    applied after every layer, the last one included.
    Returns a float64 array of shape (L,): entry l is the standard deviation of ALL the
    N * d_{l+1} numbers in h_{l+1}, population form (ddof=0, like np.std by default; note
    that torch.std divides by n - 1 unless correction=0). The input's std is not included.
    Inputs are read-only: do not modify them.
    """
    raise NotImplementedError("ex12.4: implement activation_stds")
