"""Trusted functions for exercise 5: the scalar functions ``f`` that ``numerical_gradient(f, x)`` differentiates.

A check passes ``Helper("name", args)``; the worker calls ``name(*args)`` here and hands the
returned plain Python function to the student's code. Every function's parameters are
built from a seed by ``parameters`` (NumPy only), so the checks module can rebuild the same
function in torch for its autograd oracle. This module imports only the standard library
and NumPy: the worker loads it by path.
"""

import numpy as np


def parameters(name, seed, shape):
    """The arrays that define function ``name`` for inputs of ``shape`` (shared with the oracle)."""
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape))
    if name == "quadratic":
        q, _ = np.linalg.qr(rng.normal(size=(size, size)))
        eigenvalues = rng.uniform(50.0, 200.0, size=size)
        return {"A": (q * eigenvalues) @ q.T, "b": rng.normal(size=size)}
    if name == "mlp_loss":
        hidden, inputs = shape
        return {"X": rng.normal(size=(5, inputs)), "v": rng.normal(size=hidden), "y": rng.normal(size=5)}
    return {}


def _checked(shape, x):
    x = np.asarray(x)
    if x.shape != tuple(shape):
        raise ValueError(f"f ожидает массив формы {tuple(shape)} (как x), а получила форму {x.shape}")
    return x


def quadratic(seed, shape):
    """f(x) = 1/2 vec(x)ᵀ A vec(x) + bᵀ vec(x), A symmetric with eigenvalues in [50, 200] (strong curvature)."""
    p = parameters("quadratic", seed, shape)
    A, b = p["A"], p["b"]

    def f(x):
        v = np.asarray(x, dtype=np.float64).reshape(-1)
        return float(0.5 * v @ A @ v + b @ v)

    return f


def sin_poly(shape):
    """f(x) = Σ sin(x)·x²."""

    def f(x):
        x = _checked(shape, x)
        return float(np.sum(np.sin(x) * x ** 2))

    return f


def logsumexp(shape):
    """f(x) = log Σ exp(x), computed stably."""

    def f(x):
        x = _checked(shape, x)
        top = np.max(x)
        return float(top + np.log(np.sum(np.exp(x - top))))

    return f


def mlp_loss(seed, shape):
    """f(W) = mean((tanh(X Wᵀ) v − y)²): the loss of a tiny network as a function of its (hidden, inputs) weights."""
    p = parameters("mlp_loss", seed, shape)
    X, v, y = p["X"], p["v"], p["y"]

    def f(W):
        W = _checked(shape, W)
        return float(np.mean((np.tanh(X @ W.T) @ v - y) ** 2))

    return f


def traced_gradient(numerical_gradient, f, x, eps):
    """Run the student's ``numerical_gradient`` on ``f`` and record every point ``f`` is called at.

    Returns the gradient as given, the number of calls, and the points (flattened, float64).
    """
    points = []

    def recorder(point):
        value = f(point)
        points.append(np.array(point, dtype=np.float64).reshape(-1))
        return value

    gradient = numerical_gradient(recorder, x, eps=eps)
    stacked = np.stack(points) if points else np.zeros((0, x.size))
    return {"gradient": gradient, "calls": len(points), "points": stacked}
