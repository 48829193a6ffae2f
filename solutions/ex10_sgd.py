"""Reference solution of exercise 10: mini-batches and stochastic gradient descent (topic 10).

Part 1 splits one epoch into mini-batches the way ``torch.utils.data.DataLoader`` with
``shuffle=True`` does; part 2 trains linear regression with mini-batch SGD on those
batches, the way ``torch.optim.SGD`` does.

NumPy only: importing torch, scipy or other deep-learning libraries is not allowed here.
Randomness comes only from the generator ``rng`` you are given (never ``np.random.seed``
or a generator of your own). Input arrays are float64 and read-only.
Grade your work with `grade exercise 10` (a single part: `grade exercise 10.2`).
"""

import numpy as np


def minibatch_indices(n: int, batch_size: int, rng: np.random.Generator,
                      drop_last: bool = False) -> list[np.ndarray]:
    """The mini-batches of one epoch over a data set of ``n`` examples.

    Draw ONE permutation ``perm = rng.permutation(n)`` (exactly this call, once) and cut it
    into consecutive slices of ``batch_size``: perm[0:B], perm[B:2B], ... The last batch
    is shorter when ``batch_size`` does not divide ``n``; with ``drop_last=True`` that
    shorter batch is dropped (so there may be no batch at all when n < batch_size).
    This is how ``DataLoader(data, batch_size, shuffle=True, drop_last=...)`` partitions
    one epoch. n >= 1, batch_size >= 1.
    Returns a list of 1-D integer arrays (int64, as ``rng.permutation`` gives).
    """
    perm = rng.permutation(n)
    stop = n - n % batch_size if drop_last else n
    return [perm[start:start + batch_size] for start in range(0, stop, batch_size)]


def sgd_linear_regression(X: np.ndarray, y: np.ndarray, lr: float, epochs: int, batch_size: int,
                          rng: np.random.Generator) -> tuple[np.ndarray, float, np.ndarray]:
    """Mini-batch SGD for y ≈ X @ w + b with the mean squared error.

    X: (n, d) float64, y: (n,) float64. Start from w = 0 (shape (d,)) and b = 0.0.
    Every epoch takes its batches from ``minibatch_indices(n, batch_size, rng)``
    (drop_last=False) with the SAME ``rng``, so each epoch has a new order. For each batch
    idx of m = len(idx) examples, at the current (w, b):
        r = X[idx] @ w + b - y[idx]
        loss = mean(r**2)                       (recorded before the update)
        w <- w - lr * d loss / d w,  b <- b - lr * d loss / d b   (derive these gradients)
    which is ``torch.optim.SGD([w, b], lr=lr)`` on ``F.mse_loss`` of the batch (the mean
    is over the m examples of this batch).
    Returns ``(w, b, losses)``: w float64 (d,), b a float, losses float64 of shape
    (epochs * number of batches per epoch,), in the order of the steps.
    """
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    losses = []
    for _ in range(epochs):
        for idx in minibatch_indices(n, batch_size, rng):
            residual = X[idx] @ w + b - y[idx]             # (m,)
            losses.append(np.mean(residual ** 2))
            scale = 2.0 / len(idx)                         # d mean(r^2) / dr = 2r/m
            w = w - lr * scale * (X[idx].T @ residual)
            b = b - lr * scale * residual.sum()
    return w, float(b), np.array(losses, dtype=np.float64)
