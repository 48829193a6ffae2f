"""Exercise 5: the numerical gradient and the gradient check in NumPy (topic 5).

Implement the two functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 5` (a single part: `grade exercise 5.2`).
"""

import numpy as np


def numerical_gradient(f, x: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Gradient of a scalar function ``f`` at ``x`` by central differences.

    f: a callable taking a float64 array of the same shape as ``x`` and returning a float.
    x: float64 array of any shape with at least one element (ndim >= 1).
    eps: the step; for every element x[i] the result holds
         (f(x + eps·e_i) − f(x − eps·e_i)) / (2·eps),
         where e_i is the array of x's shape with 1 at position i and 0 elsewhere.
    Returns a float64 array of the same shape as ``x``.

    Call ``f`` exactly 2·x.size times, always with an array of x's shape that differs from
    ``x`` in one element only. ``x`` must stay unchanged: it is read-only when graded, so
    perturb a copy (and put every perturbed element back before the next one).
    """
    raise NotImplementedError("ex05.1: implement numerical_gradient")


def gradient_check(analytic: np.ndarray, numeric: np.ndarray) -> float:
    """Relative error between an analytic and a numerical gradient.

    analytic, numeric: float64 arrays of the same shape (any shape); raise ValueError if
    the shapes differ (do not let NumPy broadcast them).
    Returns, as a float, ||analytic − numeric|| / (||analytic|| + ||numeric||) with the
    Euclidean (Frobenius) norm over all elements, and 0.0 when both arrays are all zeros.
    The result lies in [0, 1] and does not change when both arrays are multiplied by the
    same positive number.
    """
    raise NotImplementedError("ex05.2: implement gradient_check")
