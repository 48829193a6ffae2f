"""Trusted vector functions for exercise 4: the ``f`` that a student's ``jacobian(f, x)`` differentiates.

Each factory takes plain data (arrays) and returns a callable ``f(x) -> ndarray`` of shape
(m,) for an input of shape (n,), in float64. The callables never write into ``x`` and copy
their parameters, so nothing a student's code does to them can change the function.
The checks module holds the same functions written in torch (the autograd oracle).
"""

import numpy as np


def affine(A, b):
    """x -> A x + b with A of shape (m, n): its Jacobian is A itself."""
    A, b = np.array(A, dtype=np.float64), np.array(b, dtype=np.float64)

    def f(x):
        return A @ np.asarray(x, dtype=np.float64) + b

    return f


def tanh_affine(A, b):
    """x -> tanh(A x + b), elementwise tanh after an affine map."""
    A, b = np.array(A, dtype=np.float64), np.array(b, dtype=np.float64)

    def f(x):
        return np.tanh(A @ np.asarray(x, dtype=np.float64) + b)

    return f


def softmax_affine(A):
    """x -> softmax(A x): every output depends on every input."""
    A = np.array(A, dtype=np.float64)

    def f(x):
        z = A @ np.asarray(x, dtype=np.float64)
        e = np.exp(z - z.max())
        return e / e.sum()

    return f


def cube_affine(A):
    """x -> (A x)^3 elementwise: central differences have a known error a_ij^3 eps^2."""
    A = np.array(A, dtype=np.float64)

    def f(x):
        return (A @ np.asarray(x, dtype=np.float64)) ** 3

    return f
