"""Correct alternative for exercise 16: the smallest-first order found by repeated scans (no heap),
a backward pass that stores a closure per node, and the parameter count as one generator expression."""

# The closures are lambdas with the node's inputs bound as a default argument: the idiom this alternative shows.
# ruff: noqa: E731

import numpy as np


def topological_order(graph):
    n = len(graph)
    placed = [False] * n
    order = []
    while len(order) < n:
        # scan from the smallest number: the first node whose inputs are all placed
        for v in range(n):
            if not placed[v] and all(placed[u] for u in graph[v]):
                placed[v] = True
                order.append(v)
                break
        else:
            raise ValueError("cycle: no remaining node has all of its inputs placed")
    return order


def graph_forward_backward(spec, inputs, output):
    values = {name: np.array(a, dtype=np.float64) for name, a in inputs.items()}
    backward_rules = []  # one closure per node, in forward order
    for name, op, args in spec:
        xs = [values[a] for a in args]
        if op == "add":
            value = xs[0] + xs[1]
            rule = (lambda g, xs=xs: [g, g if xs[1].ndim == xs[0].ndim else np.sum(g, axis=0)])
        elif op == "mul":
            value = xs[0] * xs[1]
            rule = (lambda g, xs=xs: [g * xs[1], g * xs[0]])
        elif op == "matmul":
            value = np.matmul(xs[0], xs[1])
            rule = (lambda g, xs=xs: [np.matmul(g, xs[1].T), np.matmul(xs[0].T, g)])
        elif op == "tanh":
            value = np.tanh(xs[0])
            rule = (lambda g, xs=xs: [g / np.cosh(xs[0]) ** 2])
        elif op == "relu":
            value = np.where(xs[0] > 0, xs[0], 0.0)
            rule = (lambda g, xs=xs: [np.where(xs[0] > 0, g, 0.0)])
        else:  # sum
            value = np.array(np.sum(xs[0]))
            rule = (lambda g, xs=xs: [g * np.ones(xs[0].shape)])
        values[name] = value
        backward_rules.append((name, args, rule))
    grads = {}
    grads[output] = np.ones(values[output].shape)
    for name, args, rule in backward_rules[::-1]:
        if name not in grads:
            continue  # the output does not depend on this node
        for arg, contribution in zip(args, rule(grads[name]), strict=True):
            grads[arg] = grads[arg] + contribution if arg in grads else contribution
    return values, {name: grads.get(name, np.zeros(values[name].shape)) for name in inputs}


def count_parameters(layer_sizes, bias):
    return sum(a * b + b * int(f) for a, b, f in zip(layer_sizes[:-1], layer_sizes[1:], bias, strict=True))
