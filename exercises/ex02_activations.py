"""Exercise 2: activations, their derivatives, and collapsing linear layers (topic 2).

Implement the four functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
All arrays are float64; inputs are read-only when graded, so never modify them in place.
Grade your work with `grade exercise 2` (a single part: `grade exercise 2.3`).

Activation names and their parameters (as in PyTorch):
    "sigmoid"     1 / (1 + exp(-x))                          torch.sigmoid
    "tanh"        hyperbolic tangent                         torch.tanh
    "relu"        max(0, x)                                  nn.ReLU
    "leaky_relu"  x if x > 0 else negative_slope * x         nn.LeakyReLU(negative_slope=0.01)
    "hardtanh"    min(max(x, min_val), max_val)              nn.Hardtanh(min_val=-1.0, max_val=1.0)
``negative_slope`` may be any non-negative number, also one greater than 1.
"""

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    """Numerically stable logistic sigmoid, elementwise, for a float64 array of any shape.

    Returns a float64 array of the same shape, equal to ``torch.sigmoid(x)``. Must be exact
    for large |x| (sigmoid(800) == 1.0, sigmoid(-800) == 0.0) and must not trigger any
    NumPy floating-point warning: no overflow in np.exp, no invalid value (inf/inf),
    no division by zero. Underflow to 0 is fine. The grader counts these warnings.
    """
    raise NotImplementedError("ex02.1: implement sigmoid")


def activation_forward(name: str, x: np.ndarray, **params: float) -> np.ndarray:
    """Apply the activation ``name`` elementwise to a float64 array ``x`` of any shape.

    ``name`` is one of the five names above; ``params`` are that activation's keyword
    parameters (``negative_slope`` for "leaky_relu", ``min_val`` and ``max_val`` for
    "hardtanh"), with PyTorch's defaults when omitted. Returns a float64 array of the
    same shape, finite for finite inputs however large (e.g. x = ±1e4).
    """
    raise NotImplementedError("ex02.2: implement activation_forward")


def activation_backward(name: str, x: np.ndarray, grad_output: np.ndarray, **params: float) -> np.ndarray:
    """Backward pass of ``activation_forward(name, x, **params)``.

    x: the layer's input (any shape, float64); grad_output: dL/dy, same shape as x.
    Returns dL/dx = grad_output * f'(x), a float64 array of x's shape, exactly as torch's
    autograd computes it, including its convention at the kinks: the derivative of ReLU
    at 0 is 0, of leaky ReLU at 0 is negative_slope, of hardtanh at min_val and at
    max_val is 0. Finite for finite inputs however large.
    """
    raise NotImplementedError("ex02.3: implement activation_backward")


def collapse_linear(weights: list[np.ndarray], biases: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Collapse a stack of linear layers without activations into one equivalent layer.

    Layer l maps h -> h @ weights[l].T + biases[l]; weights[l] has shape (n_l, n_{l-1})
    as in ``torch.nn.Linear`` (out, in), biases[l] has shape (n_l,). The layers are applied
    in list order, starting with weights[0]. Returns (W, b) with shapes (n_L, n_0) and
    (n_L,), float64, such that x @ W.T + b equals the whole stack applied to x.
    """
    raise NotImplementedError("ex02.4: implement collapse_linear")
