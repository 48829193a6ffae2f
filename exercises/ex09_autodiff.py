"""Exercise 9: reverse-mode automatic differentiation written by hand (topic 9).

Part 9.1, ``Value``: a scalar autodiff engine in pure Python, the size of micrograd. It must not
use NumPy or torch: ``data`` and ``grad`` are plain Python floats (use the ``math`` module).
Part 9.2, ``SoftplusFunction``: a ``torch.autograd.Function`` with a hand-written backward.
Calling ``F.softplus``, ``torch.nn.Softplus`` or anything else named softplus is not allowed.

Grade your work with `grade exercise 9` (a single part: `grade exercise 9.2`).
"""

import math  # noqa: F401  (for Value: math.tanh, math.exp)

import torch


class Value:
    """A scalar node of a computation graph with reverse-mode automatic differentiation.

    ``Value(data)`` makes a leaf: ``data`` is stored as a Python float, ``grad`` starts at 0.0.
    Operations build new nodes that remember their parents and whatever the backward pass needs:

    * ``a + b``, ``a - b``, ``a * b``, ``a / b`` and ``-a``, where either side may be a ``Value``
      or a plain Python number (``2 + a``, ``3 * a``, ``1 - a`` and ``1 / a`` must work too);
    * ``a ** k`` for a constant int or float exponent ``k`` (not a ``Value``);
    * ``a.tanh()``, ``a.exp()``, ``a.relu()``; the derivative of relu at 0 is 0, as in PyTorch.

    ``out.backward()`` sets ``out.grad = 1.0`` and fills ``grad`` of every node the output depends
    on with d(out)/d(node): it visits the nodes in reverse topological order (a node only after
    every node that uses it) and accumulates (+=) into ``grad``, so a node used several times
    receives the sum of all contributions. It is called once on a freshly built graph.
    ``data`` and ``grad`` of every node must be Python floats (no numpy, no torch in this class).
    """

    def __init__(self, data, _parents=()):
        """A node holding ``float(data)``; ``_parents`` is for your operations (any format you like)."""
        raise NotImplementedError("ex09.1: implement Value")

    def __add__(self, other):
        raise NotImplementedError("ex09.1: implement Value.__add__")

    def __radd__(self, other):
        raise NotImplementedError("ex09.1: implement Value.__radd__")

    def __neg__(self):
        raise NotImplementedError("ex09.1: implement Value.__neg__")

    def __sub__(self, other):
        raise NotImplementedError("ex09.1: implement Value.__sub__")

    def __rsub__(self, other):
        raise NotImplementedError("ex09.1: implement Value.__rsub__")

    def __mul__(self, other):
        raise NotImplementedError("ex09.1: implement Value.__mul__")

    def __rmul__(self, other):
        raise NotImplementedError("ex09.1: implement Value.__rmul__")

    def __truediv__(self, other):
        raise NotImplementedError("ex09.1: implement Value.__truediv__")

    def __rtruediv__(self, other):
        raise NotImplementedError("ex09.1: implement Value.__rtruediv__")

    def __pow__(self, k):
        raise NotImplementedError("ex09.1: implement Value.__pow__")

    def tanh(self):
        raise NotImplementedError("ex09.1: implement Value.tanh")

    def exp(self):
        raise NotImplementedError("ex09.1: implement Value.exp")

    def relu(self):
        raise NotImplementedError("ex09.1: implement Value.relu")

    def backward(self):
        raise NotImplementedError("ex09.1: implement Value.backward")


class SoftplusFunction(torch.autograd.Function):
    """softplus(x) = log(1 + exp(x)) elementwise, as a custom autograd function.

    Used as ``y = SoftplusFunction.apply(x)`` for a float64 tensor ``x`` of any shape on any
    device; ``y`` has the shape, dtype and device of ``x``.

    * ``forward(ctx, x)`` computes softplus without overflow or loss of precision: the result
      must be finite and accurate to ~1e-10 relative for |x| up to 1000 (log(1 + e^1000) is
      1000, and log(1 + e^-50) is about 1.9e-22, not 0). Save what backward needs with
      ``ctx.save_for_backward``.
    * ``backward(ctx, grad_output)`` returns grad_output times d softplus / dx, written by hand
      (not by autograd), finite for |x| up to 1000.

    ``torch.autograd.gradcheck`` must accept it. Do not call ``F.softplus`` or ``nn.Softplus``.
    """

    @staticmethod
    def forward(ctx, x):
        raise NotImplementedError("ex09.2: implement SoftplusFunction.forward")

    @staticmethod
    def backward(ctx, grad_output):
        raise NotImplementedError("ex09.2: implement SoftplusFunction.backward")
