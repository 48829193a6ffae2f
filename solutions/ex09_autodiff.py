"""Reference solution of exercise 9: reverse-mode automatic differentiation written by hand (topic 9).

Part 9.1, ``Value``: a scalar autodiff engine in pure Python, the size of micrograd. It must not
use NumPy or torch: ``data`` and ``grad`` are plain Python floats (use the ``math`` module).
Part 9.2, ``SoftplusFunction``: a ``torch.autograd.Function`` with a hand-written backward.
Calling ``F.softplus``, ``torch.nn.Softplus`` or anything else named softplus is not allowed.

Grade your work with `grade exercise 9` (a single part: `grade exercise 9.2`).
"""

import math

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
        self.data = float(data)
        self.grad = 0.0
        # pairs (parent, d self / d parent): the local derivatives, known already in the forward pass
        self._parents = tuple(_parents)

    def __add__(self, other):
        other = _as_value(other)
        return Value(self.data + other.data, ((self, 1.0), (other, 1.0)))

    def __radd__(self, other):  # 2 + a: float.__add__ gives up and Python asks a.__radd__(2)
        return self + other

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-_as_value(other))

    def __rsub__(self, other):  # 1 - a
        return _as_value(other) - self

    def __mul__(self, other):
        other = _as_value(other)
        return Value(self.data * other.data, ((self, other.data), (other, self.data)))

    def __rmul__(self, other):  # 3 * a
        return self * other

    def __truediv__(self, other):
        other = _as_value(other)
        a, b = self.data, other.data
        return Value(a / b, ((self, 1.0 / b), (other, -a / b**2)))

    def __rtruediv__(self, other):  # 1 / a
        return _as_value(other) / self

    def __pow__(self, k):
        if not isinstance(k, (int, float)):
            raise TypeError("only a constant int or float exponent is supported")
        return Value(self.data**k, ((self, k * self.data ** (k - 1)),))

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, ((self, 1.0 - t * t),))  # tanh' = 1 - tanh², of the output t

    def exp(self):
        e = math.exp(self.data)
        return Value(e, ((self, e),))  # exp' = exp, the output itself

    def relu(self):
        positive = self.data > 0
        return Value(self.data if positive else 0.0, ((self, 1.0 if positive else 0.0),))

    def backward(self):
        # topological order: every node comes after all of its parents
        order, visited = [], set()

        def visit(node):
            if node not in visited:
                visited.add(node)
                for parent, _ in node._parents:
                    visit(parent)
                order.append(node)

        visit(self)
        self.grad = 1.0  # d out / d out
        # reversed, a node is reached only when every node that uses it has added its share
        for node in reversed(order):
            for parent, local in node._parents:
                parent.grad += local * node.grad  # chain rule; += sums over all uses of parent


def _as_value(x):
    """A plain number becomes a constant leaf; a Value stays as it is."""
    return x if isinstance(x, Value) else Value(x)


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
        ctx.save_for_backward(x)
        # log(1 + e^x) = max(x, 0) + log(1 + e^-|x|): the exponent is never positive (no overflow),
        # and log1p keeps the tiny values of log(1 + e^-50) that 1 + e^-50 would round away
        return torch.clamp(x, min=0) + torch.log1p(torch.exp(-torch.abs(x)))

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        # d/dx log(1 + e^x) = e^x / (1 + e^x) = sigmoid(x); torch.sigmoid is stable at ±1000
        return grad_output * torch.sigmoid(x)
