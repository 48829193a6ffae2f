"""Reference solution of exercise 14: inverted dropout, weight decay and ridge regression (topic 14).

Implement the four functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here. All arrays
are float64; inputs are read-only when graded, so never modify them in place.
Grade your work with `grade exercise 14` (one part: `grade exercise 14.3`).

Convention: p is the probability of DROPPING an entry, as in ``torch.nn.Dropout(p)``,
not the probability of keeping it.
"""

import numpy as np


def dropout_forward(x: np.ndarray, p: float, rng: np.random.Generator,
                    training: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Inverted dropout, like ``torch.nn.functional.dropout(x, p, training)``.

    x: float64 array of any shape; 0 <= p <= 1 is the drop probability; rng is the only
    source of randomness (use it, not np.random.*, so that a seed reproduces the mask).
    Training mode: each entry is dropped independently with probability p; kept entries
    are divided by (1 - p), so E[out] = x. With p = 1 everything is dropped and out is
    all zeros (no NaN), as in torch.
    Eval mode (training=False): out equals x and nothing is dropped.
    Returns (out, mask): out float64 of x's shape; mask of x's shape with 1 (True) where the
    entry was kept and 0 (False) where it was dropped, dtype float64 or bool; in eval mode
    the mask is all ones.
    """
    if not training:
        return x.copy(), np.ones(x.shape)
    keep = rng.random(x.shape) >= p  # P(keep) = P(U >= p) = 1 - p
    scale = 0.0 if p >= 1.0 else 1.0 / (1.0 - p)
    return x * keep * scale, keep.astype(np.float64)


def dropout_backward(grad_out: np.ndarray, mask: np.ndarray, p: float) -> np.ndarray:
    """Gradient of the training-mode ``dropout_forward`` with respect to x.

    grad_out: float64 array, the gradient of the loss with respect to out; mask: the mask
    that the forward pass returned (same shape, 1/True = kept); p: the same drop probability.
    Returns a float64 array of grad_out's shape. With p = 1 the gradient is all zeros.
    """
    # out = x * mask / (1 - p) is linear in x: the same mask and the same scale pass back
    scale = 0.0 if p >= 1.0 else 1.0 / (1.0 - p)
    return grad_out * mask * scale


def sgd_weight_decay_step(w: np.ndarray, grad: np.ndarray, lr: float, weight_decay: float) -> np.ndarray:
    """One step of ``torch.optim.SGD(params, lr=lr, weight_decay=weight_decay)`` (no momentum).

    w: float64 parameters of any shape; grad: float64 gradient of the data loss at w (same
    shape); lr > 0; weight_decay = lambda >= 0. torch adds lambda * w to the gradient, which
    is plain gradient descent on loss + (lambda / 2) * ||w||^2.
    Returns the new parameters as a new float64 array; w must not be modified.
    """
    return w - lr * (grad + weight_decay * w)


def ridge(X: np.ndarray, y: np.ndarray, lam: float) -> tuple[np.ndarray, float]:
    """Ridge regression with an unpenalised intercept, in closed form.

    X: (n, d) float64 features; y: (n,) float64 targets; lam >= 0.
    Minimises  sum_i (y_i - X_i @ w - b)^2 + lam * ||w||^2  over w (d,) and b (a number);
    the intercept b is NOT penalised. Assume the minimiser is unique (lam > 0, or X with
    centred columns of full column rank).
    Returns (w, b): w a float64 array of shape (d,), b a float.
    """
    # with b free, the optimal b makes the residuals sum to 0: b = mean(y) - mean(X) @ w;
    # substituting it leaves ridge on centred data: (Xc^T Xc + lam I) w = Xc^T yc
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    d = X.shape[1]
    w = np.linalg.solve(Xc.T @ Xc + lam * np.eye(d), Xc.T @ yc)
    return w, float(y_mean - x_mean @ w)
