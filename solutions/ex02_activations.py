"""Reference solution of exercise 2: activations, their derivatives, and collapsing linear layers (topic 2).

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
    # With z = exp(-|x|) in (0, 1] no exponent is positive, so nothing overflows:
    #   x >= 0:  1 / (1 + exp(-x)) = 1 / (1 + z)
    #   x <  0:  exp(x) / (1 + exp(x)) = z / (1 + z)
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def activation_forward(name: str, x: np.ndarray, **params: float) -> np.ndarray:
    """Apply the activation ``name`` elementwise to a float64 array ``x`` of any shape.

    ``name`` is one of the five names above; ``params`` are that activation's keyword
    parameters (``negative_slope`` for "leaky_relu", ``min_val`` and ``max_val`` for
    "hardtanh"), with PyTorch's defaults when omitted. Returns a float64 array of the
    same shape, finite for finite inputs however large (e.g. x = ±1e4).
    """
    if name == "sigmoid":
        return sigmoid(x)
    if name == "tanh":
        return np.tanh(x)  # the formula (e^x - e^-x) / (e^x + e^-x) gives inf/inf = nan for |x| > 710
    if name == "relu":
        return np.maximum(x, 0.0)
    if name == "leaky_relu":
        slope = params.get("negative_slope", 0.01)
        # not np.maximum(slope * x, x): that is leaky ReLU only while slope < 1
        return np.where(x > 0, x, slope * x)
    if name == "hardtanh":
        return np.clip(x, params.get("min_val", -1.0), params.get("max_val", 1.0))
    raise ValueError(f"unknown activation {name!r}")


def activation_backward(name: str, x: np.ndarray, grad_output: np.ndarray, **params: float) -> np.ndarray:
    """Backward pass of ``activation_forward(name, x, **params)``.

    x: the layer's input (any shape, float64); grad_output: dL/dy, same shape as x.
    Returns dL/dx = grad_output * f'(x), a float64 array of x's shape, exactly as torch's
    autograd computes it, including its convention at the kinks: the derivative of ReLU
    at 0 is 0, of leaky ReLU at 0 is negative_slope, of hardtanh at min_val and at
    max_val is 0. Finite for finite inputs however large.
    """
    if name == "sigmoid":
        s = sigmoid(x)
        derivative = s * (1.0 - s)               # sigma' = sigma (1 - sigma), at most 1/4
    elif name == "tanh":
        t = np.tanh(x)
        derivative = 1.0 - t * t                 # tanh' = 1 - tanh^2, at most 1
    elif name == "relu":
        derivative = (x > 0).astype(np.float64)  # torch: ReLU'(0) = 0
    elif name == "leaky_relu":
        derivative = np.where(x > 0, 1.0, params.get("negative_slope", 0.01))
    elif name == "hardtanh":
        low, high = params.get("min_val", -1.0), params.get("max_val", 1.0)
        derivative = ((x > low) & (x < high)).astype(np.float64)  # 0 at both ends, as in torch
    else:
        raise ValueError(f"unknown activation {name!r}")
    return grad_output * derivative


def collapse_linear(weights: list[np.ndarray], biases: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Collapse a stack of linear layers without activations into one equivalent layer.

    Layer l maps h -> h @ weights[l].T + biases[l]; weights[l] has shape (n_l, n_{l-1})
    as in ``torch.nn.Linear`` (out, in), biases[l] has shape (n_l,). The layers are applied
    in list order, starting with weights[0]. Returns (W, b) with shapes (n_L, n_0) and
    (n_L,), float64, such that x @ W.T + b equals the whole stack applied to x.
    """
    # Induction over layers: if the first l layers equal h = x @ W.T + b, then adding
    # layer (W_l, b_l) gives x @ (W_l @ W).T + (W_l @ b + b_l): still one affine map.
    W = np.eye(weights[0].shape[1])
    b = np.zeros(weights[0].shape[1])
    for W_l, b_l in zip(weights, biases, strict=True):
        W = W_l @ W
        b = W_l @ b + b_l
    return W, b
