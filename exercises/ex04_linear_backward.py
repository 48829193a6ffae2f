"""Exercise 4: the backward pass of a linear layer and a numerical Jacobian in NumPy (topic 4).

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
    raise NotImplementedError("ex04.1: implement linear_backward")


def jacobian(f, x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Jacobian of a vector function by central finite differences.

    f: a function taking a float64 array of shape (n,) and returning a float64 array of
       shape (m,); call it as f(some_vector). It does not modify its argument.
    x: (n,) float64, the point; must not be modified (it is read-only when graded).
    eps: the step h of the central difference (f(x + h e_j) - f(x - h e_j)) / (2 h).
    Returns J of shape (m, n), float64, with J[i, j] = d f_i / d x_j
    (numerator layout: a row per output, a column per input).
    """
    raise NotImplementedError("ex04.2: implement jacobian")
