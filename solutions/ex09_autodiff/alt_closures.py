"""Correct alternative of exercise 9: micrograd-style backward closures and Kahn's topological order.

Each operation keeps its forward and backward code side by side in a closure; ``backward()``
orders the graph without recursion (a node becomes ready when all of its consumers are done).
The custom Function saves its output instead of its input: softplus' = 1 - exp(-softplus).
"""

import math

import torch


class Value:
    def __init__(self, data, _parents=()):
        self.data = float(data)
        self.grad = 0.0
        self._parents = tuple(_parents)  # the nodes this one was computed from, with repeats
        self._backward = lambda: None  # adds this node's grad into its parents' grads

    def _lift(self, other):
        return other if isinstance(other, Value) else Value(other)

    def __add__(self, other):
        other = self._lift(other)
        out = Value(self.data + other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = _backward
        return out

    def __sub__(self, other):
        other = self._lift(other)
        out = Value(self.data - other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad -= out.grad

        out._backward = _backward
        return out

    def __mul__(self, other):
        other = self._lift(other)
        out = Value(self.data * other.data, (self, other))

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = _backward
        return out

    def __truediv__(self, other):
        return self * self._lift(other) ** -1

    def __pow__(self, k):
        out = Value(self.data**k, (self,))

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad

        out._backward = _backward
        return out

    def __neg__(self):
        return self * -1

    def __radd__(self, other):
        return self + other

    def __rsub__(self, other):
        return self._lift(other) - self

    def __rmul__(self, other):
        return self * other

    def __rtruediv__(self, other):
        return self._lift(other) / self

    def tanh(self):
        out = Value(math.tanh(self.data), (self,))

        def _backward():
            self.grad += (1 - out.data**2) * out.grad

        out._backward = _backward
        return out

    def exp(self):
        out = Value(math.exp(self.data), (self,))

        def _backward():
            self.grad += out.data * out.grad

        out._backward = _backward
        return out

    def relu(self):
        out = Value(max(self.data, 0.0), (self,))

        def _backward():
            self.grad += (self.data > 0) * out.grad

        out._backward = _backward
        return out

    def backward(self):
        # how many uses of each node lie inside the graph of self (x * x counts x twice)
        uses, seen, stack = {}, {id(self)}, [self]
        while stack:
            node = stack.pop()
            for parent in node._parents:
                uses[id(parent)] = uses.get(id(parent), 0) + 1
                if id(parent) not in seen:
                    seen.add(id(parent))
                    stack.append(parent)
        self.grad = 1.0
        ready = [self]
        while ready:
            node = ready.pop()
            node._backward()
            for parent in node._parents:
                uses[id(parent)] -= 1
                if uses[id(parent)] == 0:  # every consumer has contributed: parent's grad is final
                    ready.append(parent)


class SoftplusFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = torch.logaddexp(x, torch.zeros_like(x))  # log(e^x + e^0), computed stably
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad_output):
        (y,) = ctx.saved_tensors
        # e^y = 1 + e^x, so sigmoid(x) = e^x / (1 + e^x) = 1 - e^-y; expm1 keeps it exact when y is tiny
        return -torch.expm1(-y) * grad_output
