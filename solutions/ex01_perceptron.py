"""Reference solution of exercise 1: the perceptron, a network for XOR and the forward pass of an MLP (topic 1).

Implement the three functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
All arrays are float64 unless stated otherwise; inputs are read-only when graded.
Grade your work with `grade exercise 1` (a single part: `grade exercise 1.2`).
"""

import numpy as np


def perceptron_fit(X: np.ndarray, y: np.ndarray, lr: float = 1.0,
                   max_epochs: int = 100) -> tuple[np.ndarray, float, int, bool]:
    """Train Rosenblatt's perceptron with his online learning rule.

    X: (n, d) float64, one example per row; y: (n,) int64 labels, each -1 or +1.
    Start from w = 0 (shape (d,)) and b = 0. An epoch visits the examples in the given
    order i = 0, 1, ..., n-1; example i is a mistake when y[i] * (w @ X[i] + b) <= 0
    (a point on the boundary is a mistake too), and only then the weights change:
        w <- w + lr * y[i] * X[i],    b <- b + lr * y[i].
    Stop after the first epoch without mistakes (converged) or after ``max_epochs``
    epochs (not converged), whichever comes first.

    Returns (w, b, n_updates, converged): w a (d,) float64 array, b a float,
    n_updates the total number of updates (an int), converged a bool.
    """
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    n_updates = 0
    for _ in range(max_epochs):
        mistakes = 0
        for i in range(n):
            # a point on the boundary (score 0) counts as a mistake: with w = 0, b = 0
            # every point is on it, so the very first example triggers an update
            if y[i] * (w @ X[i] + b) <= 0:
                w = w + lr * y[i] * X[i]
                b = b + lr * y[i]
                mistakes += 1
        n_updates += mistakes
        if mistakes == 0:
            return w, float(b), n_updates, True
    return w, float(b), n_updates, False


def xor_network(low: float, high: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Weights of a 2-2-1 network of threshold units that computes XOR.

    Each input coordinate takes one of two levels, ``low`` < ``high`` (for the textbook
    case low = 0, high = 1); the network must output 1 when exactly one coordinate is
    ``high`` and 0 otherwise. The network is
        h = step(W1 @ x + b1),    out = step(W2 @ h + b2)[0],
    with step(z) = 1 if z > 0 else 0 applied elementwise. It must keep its answer when
    each coordinate is off its level by up to 10% of (high - low): no unit may sit
    exactly on a data point.

    Returns (W1, b1, W2, b2) with shapes (2, 2), (2,), (1, 2), (1,), all float64.
    """
    # hidden unit 1 is OR, hidden unit 2 is AND; XOR = OR and not AND.
    # In the coordinates u = (x - low) / (high - low) the corners are {0, 1}^2 and
    # u1 + u2 takes the values 0, 1, 2. Thresholds 0.5 and 1.5 lie halfway between them,
    # so every hidden pre-activation is at least (high - low) / 2 away from zero.
    span = high - low
    W1 = np.array([[1.0, 1.0],
                   [1.0, 1.0]])
    b1 = np.array([-(2 * low + 0.5 * span),    # OR:  x1 + x2 > 2 low + span / 2
                   -(2 * low + 1.5 * span)])   # AND: x1 + x2 > 2 low + 3 span / 2
    W2 = np.array([[1.0, -1.0]])               # OR - AND is 1 only for XOR inputs
    b2 = np.array([-0.5])
    return W1, b1, W2, b2


def mlp_forward(X: np.ndarray, layers: list[tuple[np.ndarray, np.ndarray, str]]) -> np.ndarray:
    """Forward pass of a multilayer perceptron given as a list of layers.

    X: (B, n_0) float64, a batch of B examples. Layer l is a tuple (W, b, activation):
    W has shape (n_l, n_{l-1}) as in ``torch.nn.Linear`` (out, in), b has shape (n_l,),
    and activation is one of "identity", "relu", "tanh", "sigmoid", "step"
    (step(z) = 1.0 if z > 0 else 0.0). Each layer computes act(H @ W.T + b); the
    activation of every layer, the last one included, is the one its tuple names.

    Returns the (B, n_L) float64 output of the last layer.
    """
    H = X
    for W, b, activation in layers:
        H = _ACTIVATIONS[activation](H @ W.T + b)   # (B, n_in) @ (n_in, n_out) + (n_out,)
    return H


def _sigmoid(z: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(z))                          # never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


_ACTIVATIONS = {
    "identity": lambda z: z,
    "relu": lambda z: np.maximum(z, 0.0),
    "tanh": np.tanh,
    "sigmoid": _sigmoid,
    "step": lambda z: (z > 0).astype(np.float64),
}
