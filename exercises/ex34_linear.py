"""Exercise 34: the linear layer of PyTorch (torch.nn.Linear) rebuilt in NumPy (topic 34).

Four functions, one per part: the forward and backward pass of y = x @ W.T + b for inputs with any
number of leading axes, and the default initialisation of nn.Linear / nn.ConvNd. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here. All arrays are
float64; inputs are read-only when graded, do not modify them.
Grade your work with `grade exercise 34` (a single part: `grade exercise 34.3`).
"""

import math  # noqa: F401  (for your solution: math.sqrt, math.prod)

import numpy as np


def linear_forward(x: np.ndarray, W: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
    """The forward pass of torch.nn.Linear: y = x @ W.T + b.

    x: (..., n_in) float64 with any number of leading axes, including none (a single vector (n_in,)).
    W: (n_out, n_in) float64, laid out as nn.Linear.weight (one row per output).
    b: (n_out,) float64, or None for a layer created with bias=False.
    Returns y of shape (..., n_out), float64: the leading axes of x are kept as they are.
    """
    raise NotImplementedError("ex34.1: implement linear_forward")


def linear_backward(x: np.ndarray, W: np.ndarray,
                    grad_out: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of y = x @ W.T + b for x with any number of leading axes.

    x: (..., n_in) float64; W: (n_out, n_in) float64; grad_out: (..., n_out) float64, dL/dy for some
    scalar loss L (the leading axes are those of x). Returns (dx, dW, db) = (dL/dx, dL/dW, dL/db),
    float64 arrays of shapes (..., n_in), (n_out, n_in) and (n_out,). Every leading axis is a batch
    axis: the contributions of all positions are summed (not averaged), as autograd does.
    """
    raise NotImplementedError("ex34.2: implement linear_backward")


def default_init_bounds(weight_shape: tuple[int, ...], a: float = 5.0 ** 0.5) -> tuple[float, float]:
    """Bounds of the uniform distributions that nn.Linear / nn.ConvNd.reset_parameters() samples from.

    weight_shape: (out, in, *kernel) - the shape of nn.Linear.weight (2 numbers) or of a ConvNd
    weight (2 + N numbers); fan_in = in * (product of the kernel sizes).
    a: the negative slope passed to nn.init.kaiming_uniform_ (PyTorch's layers pass sqrt(5)).
    Returns (weight_bound, bias_bound) as Python floats:
    * weight ~ kaiming_uniform_(mode="fan_in", nonlinearity="leaky_relu", a=a), i.e. U(-w, w) with
      w = gain * sqrt(3 / fan_in) and gain = sqrt(2 / (1 + a**2));
    * bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)), whatever a is.
    """
    raise NotImplementedError("ex34.3: implement default_init_bounds")


def init_linear(in_features: int, out_features: int, rng: np.random.Generator,
                bias: bool = True) -> tuple[np.ndarray, np.ndarray | None]:
    """Sample the parameters of a fresh nn.Linear(in_features, out_features, bias=bias).

    rng: a np.random.Generator; take every random number from it (no global np.random), so that
    the same seed gives the same parameters. Draw the weight first, then the bias.
    Returns (W, b): W of shape (out_features, in_features) and b of shape (out_features,), float64,
    distributed as PyTorch's default initialisation; b is None when bias is False.
    """
    raise NotImplementedError("ex34.4: implement init_linear")
