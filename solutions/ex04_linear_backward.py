"""Reference solution of exercise 4: linear layer backward and a numerical Jacobian (topic 4).

Implement the two functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 4` (a single part: `grade exercise 4.2`).
"""

import numpy as np


def linear_backward(x: np.ndarray, W: np.ndarray, b: np.ndarray,
                    grad_out: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a linear layer y = x @ W.T + b (the convention of torch.nn.Linear).

    x: (N, n_in) float64, a batch of N inputs (N may be 1).
    W: (n_out, n_in) float64, the weight, laid out as in nn.Linear (outputs are rows).
    b: (n_out,) float64, the bias.
    grad_out: (N, n_out) float64, dL/dy for some scalar loss L.
    Returns (dx, dW, db) = (dL/dx, dL/dW, dL/db), float64 arrays with the shapes of
    x, W and b. The loss is whatever produced grad_out: do not average over the batch.
    Must not modify its inputs (they are read-only when graded).
    """
    # y[k, i] = sum_j x[k, j] W[i, j] + b[i]
    dx = grad_out @ W          # dL/dx[k, j] = sum_i grad_out[k, i] W[i, j]   -> (N, n_in)
    dW = grad_out.T @ x        # dL/dW[i, j] = sum_k grad_out[k, i] x[k, j]   -> (n_out, n_in)
    db = grad_out.sum(axis=0)  # b is added to every row, so its gradient sums over the batch
    return dx, dW, db


def jacobian(f, x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Jacobian of a vector function by central finite differences.

    f: a function taking a float64 array of shape (n,) and returning a float64 array of
       shape (m,); call it as f(some_vector). It does not modify its argument.
    x: (n,) float64, the point; must not be modified (it is read-only when graded).
    eps: the step h of the central difference (f(x + h e_j) - f(x - h e_j)) / (2 h).
    Returns J of shape (m, n), float64, with J[i, j] = d f_i / d x_j
    (numerator layout: a row per output, a column per input).
    """
    columns = []
    for j in range(x.size):
        step = np.zeros_like(x, dtype=np.float64)
        step[j] = eps
        # column j: how every output moves when only x_j moves
        columns.append((f(x + step) - f(x - step)) / (2.0 * eps))
    return np.stack(columns, axis=1)
