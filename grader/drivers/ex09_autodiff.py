"""Trusted drivers for exercise 9: build a student's graph from a program, run backward, report data.

Part 9.1 (``Value``): a program is plain data, ``leaves`` (numbers) and ``ops`` (lists). Node
``k`` of the graph is leaf ``k`` for ``k < len(leaves)``, and after that the result of one op:

    ["add"|"sub"|"mul"|"div", i, j]     x_i + x_j, x_i - x_j, x_i * x_j, x_i / x_j
    ["pow", i, k]                        x_i ** k (k a constant int or float)
    ["neg"|"tanh"|"exp"|"relu", i]       -x_i, x_i.tanh(), x_i.exp(), x_i.relu()
    ["add_const"|..., i, c]              x_i + c, c + x_i, ... with a plain Python number c

The last node is the output; ``backward()`` is called on it once. The driver is deterministic
(the mistake matcher replays it in the grader's process with each catalogued variant's class)
and returns lists of floats and a flag, never the student's objects.

Part 9.2 (``SoftplusFunction``): apply a student's ``torch.autograd.Function`` and backpropagate,
or run ``torch.autograd.gradcheck`` on it. torch is imported inside the functions.
"""

BINARY = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / b,
}
WITH_CONSTANT = {
    "add_const": lambda a, c: a + c,
    "radd": lambda a, c: c + a,
    "sub_const": lambda a, c: a - c,
    "rsub": lambda a, c: c - a,
    "mul_const": lambda a, c: a * c,
    "rmul": lambda a, c: c * a,
    "div_const": lambda a, c: a / c,
    "rdiv": lambda a, c: c / a,
    "pow": lambda a, k: a ** k,
}
UNARY = {
    "neg": lambda a: -a,
    "tanh": lambda a: a.tanh(),
    "exp": lambda a: a.exp(),
    "relu": lambda a: a.relu(),
}
PLAIN = (int, float)  # exact types: numpy scalars and tensors are not plain Python numbers


def build_and_backward(value_class, leaves, ops):
    """Build the program's graph with ``value_class``, call ``backward()`` on its last node.

    Returns ``{"data": [...], "grad": [...], "pure": bool}``: data and grad of every node in
    order, and whether every ``data`` and ``grad`` is a plain Python ``int`` or ``float``.
    """
    nodes = [value_class(float(x)) for x in leaves]  # a stub's NotImplementedError: part not attempted
    try:
        for op in ops:
            name = op[0]
            if name in BINARY:
                node = BINARY[name](nodes[op[1]], nodes[op[2]])
            elif name in WITH_CONSTANT:
                node = WITH_CONSTANT[name](nodes[op[1]], op[2])
            elif name in UNARY:
                node = UNARY[name](nodes[op[1]])
            else:
                raise ValueError(f"unknown operation {name!r} in the program")
            nodes.append(node)
        nodes[-1].backward()
    except NotImplementedError as e:  # a class half written: this check fails, the others still run
        raise RuntimeError(f"операция ещё не написана (NotImplementedError: {e})") from None
    pure = all(type(n.data) in PLAIN and type(n.grad) in PLAIN for n in nodes)
    return {"data": [float(n.data) for n in nodes], "grad": [float(n.grad) for n in nodes], "pure": pure}


def apply_function(function_class, x, grad_output):
    """``y = function_class.apply(x)``, then ``y.backward(grad_output)``; ``x`` gets a fresh leaf copy.

    Returns y and x.grad (tensors), and flags: is it a ``torch.autograd.Function``, is y's
    ``grad_fn`` the node of a custom Function, how many tensors it saved with
    ``ctx.save_for_backward``, and do y and x.grad keep x's device, dtype and shape.
    """
    import torch

    is_function = isinstance(function_class, type) and issubclass(function_class, torch.autograd.Function)
    x = x.detach().clone().requires_grad_(True)
    y = function_class.apply(x)
    node = getattr(y, "grad_fn", None)
    custom = isinstance(node, torch.autograd.function.BackwardCFunction)
    saved = len(node.saved_tensors) if custom else 0
    y.backward(grad_output)
    grad = x.grad
    keeps = all(isinstance(t, torch.Tensor) and t.device == x.device and t.dtype == x.dtype and t.shape == x.shape
                for t in (y, grad))
    return {"y": y.detach(), "grad": grad, "is_function": is_function, "custom_node": custom,
            "saved": saved, "keeps_device_dtype_shape": keeps}


def gradcheck_function(function_class, x):
    """Whether ``torch.autograd.gradcheck`` accepts ``function_class.apply`` at ``x`` (float64)."""
    import torch

    x = x.detach().clone().requires_grad_(True)
    return bool(torch.autograd.gradcheck(function_class.apply, (x,), eps=1e-6, atol=1e-5, rtol=1e-3,
                                         raise_exception=False))
