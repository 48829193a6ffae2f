"""Correct alternative for exercise 2: boolean masks, tanh through the sigmoid, derivatives from outputs, reduce."""

from functools import reduce


def sigmoid(x):
    out = np.empty_like(x, dtype=np.float64)
    positive = x >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-x[positive]))  # exponent <= 0 here
    e = np.exp(x[~positive])                             # exponent < 0 here
    out[~positive] = e / (1.0 + e)
    return out


def _hardtanh_bounds(params):
    return params.get("min_val", -1.0), params.get("max_val", 1.0)


def activation_forward(name, x, **params):
    table = {
        "sigmoid": sigmoid,
        "tanh": lambda v: 2.0 * sigmoid(2.0 * v) - 1.0,       # tanh(x) = 2 sigma(2x) - 1
        "relu": lambda v: v * (v > 0),
        "leaky_relu": lambda v: v * np.where(v > 0, 1.0, params.get("negative_slope", 0.01)),
        "hardtanh": lambda v: np.minimum(np.maximum(v, _hardtanh_bounds(params)[0]), _hardtanh_bounds(params)[1]),
    }
    return table[name](x) + 0.0   # + 0.0 turns -0.0 into 0.0 and always gives a fresh array


def activation_backward(name, x, grad_output, **params):
    if name in ("sigmoid", "tanh"):
        y = activation_forward(name, x)
        local = y * (1.0 - y) if name == "sigmoid" else (1.0 - y) * (1.0 + y)
    elif name == "relu":
        local = np.where(x > 0, 1.0, 0.0)
    elif name == "leaky_relu":
        local = np.where(x <= 0, params.get("negative_slope", 0.01), 1.0)
    else:
        low, high = _hardtanh_bounds(params)
        local = np.where((x <= low) | (x >= high), 0.0, 1.0)
    return local * grad_output


def collapse_linear(weights, biases):
    layers = list(zip(weights, biases, strict=True))

    def compose(first, second):
        (W1, b1), (W2, b2) = first, second
        return W2 @ W1, W2 @ b1 + b2

    return reduce(compose, layers)
