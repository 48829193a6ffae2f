"""Exercise 16: a computation graph by hand: topological order, forward and
backward passes over a graph of array operations, and the parameter count of an MLP (topic 16).

Implement the three functions below; each is one part of the exercise. NumPy and the Python
standard library only (``heapq``, ``collections`` are fine): importing torch, scipy or other
deep-learning libraries is not allowed here. Inputs arrive read-only: never write into them.
Grade your work with `grade exercise 16` (a single part: `grade exercise 16.2`).
"""

import numpy as np


def topological_order(graph: list[list[int]]) -> list[int]:
    """A topological order of a computation graph with nodes 0, 1, ..., n - 1.

    graph[v] is the list of the input nodes of node v (the nodes whose values v reads); it may
    name the same input twice (v = u * u) and is empty for a leaf. Return a list of all n nodes,
    each exactly once, in which every node comes after all of its inputs.

    Tie-break (so that the answer is unique): Kahn's algorithm that always takes the SMALLEST
    node among those whose inputs are all already placed. The result is the lexicographically
    smallest topological order. Example: graph = [[1], [], []] gives [1, 0, 2].

    Raise ValueError if the graph has a cycle (a self-loop v in graph[v] included).
    Must work for chains of thousands of nodes (no deep recursion).
    """
    raise NotImplementedError("ex16.1: implement topological_order")


def graph_forward_backward(spec: list[tuple[str, str, list[str]]], inputs: dict[str, np.ndarray],
                           output: str) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Forward and backward passes through a computation graph of array operations.

    inputs: the leaves, name -> float64 array. spec: the operations as (name, op, [argument
    names]), listed in an order where every argument is computed earlier (or is an input), like
    the tape that a framework records while running the forward pass. Operations:
        "add"    a + b: same shapes, or a of shape (m, n) and b of shape (n,) (b is added to each row)
        "mul"    a * b elementwise, same shapes
        "matmul" a @ b for 2-D a (m, k) and b (k, n)
        "tanh"   tanh(a)
        "relu"   max(a, 0); its derivative at 0 is taken to be 0, as in PyTorch
        "sum"    the sum of all elements of a, a 0-d array
    A node may be used by several later nodes (fan-out): its gradient is the sum of all of them.

    Returns (values, grads):
        values: name -> float64 array for every input and every node of spec;
        grads:  name -> float64 array of the input's shape for every input: dL/d(input), where
                L = values[output].sum() (L is the output itself when it is a scalar).
                An input that L does not depend on gets zeros.
    Must not modify the given arrays.
    """
    raise NotImplementedError("ex16.2: implement graph_forward_backward")


def count_parameters(layer_sizes: list[int], bias: list[bool]) -> int:
    """The number of trainable parameters of an MLP of fully connected layers.

    layer_sizes = [n0, n1, ..., nL]: layer i (i = 0 .. L-1) maps n_i features to n_{i+1}, like
    ``nn.Linear(n_i, n_{i+1}, bias=bias[i])``; activations have no parameters.
    bias: L flags, one per layer. Return a Python int, equal to
    ``sum(p.numel() for p in model.parameters())`` of the corresponding torch model.
    """
    raise NotImplementedError("ex16.3: implement count_parameters")
