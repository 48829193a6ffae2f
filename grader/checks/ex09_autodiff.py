"""Checks of exercise 9: a scalar autodiff class and a custom torch.autograd.Function.

Part 9.1 sends a *program* (leaves and a list of operations on node indices, plain data) to the
trusted driver ``grader/drivers/ex09_autodiff.py``, which builds the graph from the student's
``Value`` class in the worker, calls ``backward()`` and returns data and grad of every node.
The oracle evaluates the same program with torch autograd in float64 (``retain_grad`` on every
intermediate node). Random programs come from Hypothesis and are screened so that they stay away
from poles, kinks and overflow: the derivative is then defined and the comparison is fair.

Part 9.2 applies the student's Function through the driver and compares its output and input
gradient with autograd of torch.logaddexp(x, 0) in float64; torch.autograd.gradcheck runs on it
too, and the extreme values |x| <= 1000 must stay finite and accurate.
"""

import math

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import Mismatch, expect
from grader.compare import expect_array as _expect_array
from grader.exercise import Exercise
from grader.strategies import arrays
from grader.wire import AsTensor, Defined, TensorValue

EXERCISE = Exercise(
    id="ex09_autodiff",
    topic=9,
    framework="torch",
    part_names=["Value", "SoftplusFunction"],
    forbidden_modules=(),
    forbidden_names=("softplus", "Softplus"),
    drivers="ex09_autodiff",
)

# -- programs for 9.1 ---------------------------------------------------------------------

BINARY = ("add", "sub", "mul", "div")
WITH_CONSTANT = ("add_const", "radd", "sub_const", "rsub", "mul_const", "rmul", "div_const", "rdiv")
UNARY = ("neg", "tanh", "exp", "relu")
EXPONENTS = (2, 3, -1, -2, 0.5, 1.5)
CONSTANTS = (2, 1, 0.5, -1.5, 3.0, -0.25)
BOUND = 30.0  # every node's value stays in [-BOUND, BOUND]
DATA_RTOL, DATA_ATOL = 1e-10, 1e-12
GRAD_RTOL, GRAD_ATOL = 1e-8, 1e-10  # the atol is scaled by the largest gradient of the graph


PLAIN_BINARY = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b,
                "div": lambda a, b: a / b}
PLAIN_CONSTANT = {"add_const": lambda a, c: a + c, "radd": lambda a, c: c + a, "sub_const": lambda a, c: a - c,
                  "rsub": lambda a, c: c - a, "mul_const": lambda a, c: a * c, "rmul": lambda a, c: c * a,
                  "div_const": lambda a, c: a / c, "rdiv": lambda a, c: c / a}


def _plain(op, values):
    """The value of one operation on plain floats, or None if it is unsafe to differentiate there."""
    name, a = op[0], values[op[1]]
    if name in BINARY:
        b = values[op[2]]
        if name == "div" and abs(b) < 0.3:
            return None
        value = PLAIN_BINARY[name](a, b)
    elif name == "pow":
        k = op[2]
        if (k < 0 and abs(a) < 0.3) or (k != int(k) and a < 0.3):
            return None
        value = a**k
    elif name in WITH_CONSTANT:
        if name == "rdiv" and abs(a) < 0.3:
            return None
        value = PLAIN_CONSTANT[name](a, op[2])
    elif name == "exp":
        value = math.exp(a) if a <= 3.0 else None
    elif name == "relu":
        value = max(a, 0.0) if abs(a) > 1e-9 else None  # away from the kink at 0
    else:
        value = -a if name == "neg" else math.tanh(a)
    return value if value is not None and abs(value) <= BOUND else None


@st.composite
def programs(draw, max_leaves=4, max_ops=10):
    """(leaves, ops): a random expression DAG; operands favour recent nodes, reuse is frequent."""
    leaves = draw(st.lists(st.floats(-2.0, 2.0, allow_subnormal=False), min_size=1, max_size=max_leaves))
    values, ops = list(leaves), []
    for _ in range(draw(st.integers(1, max_ops))):
        last = len(values) - 1
        i = last - draw(st.integers(0, last))
        name = draw(st.sampled_from(BINARY + WITH_CONSTANT + UNARY + ("pow",)))
        if name in BINARY:
            op = [name, i, last - draw(st.integers(0, last))]
        elif name == "pow":
            op = [name, i, draw(st.sampled_from(EXPONENTS))]
        elif name in WITH_CONSTANT:
            op = [name, i, draw(st.sampled_from(CONSTANTS))]
        else:
            op = [name, i]
        value = _plain(op, values)
        if value is None:  # unsafe here: tanh is defined, smooth and bounded everywhere
            op, value = ["tanh", i], math.tanh(values[i])
        ops.append(op)
        values.append(value)
    return leaves, ops


def torch_graph(leaves, ops):
    """Data and grad of every node of the program, by torch autograd in float64."""
    import torch

    constant_ops = {
        "add_const": lambda a, c: a + c, "radd": lambda a, c: c + a, "sub_const": lambda a, c: a - c,
        "rsub": lambda a, c: c - a, "mul_const": lambda a, c: a * c, "rmul": lambda a, c: c * a,
        "div_const": lambda a, c: a / c, "rdiv": lambda a, c: c / a, "pow": lambda a, k: torch.pow(a, k),
    }
    binary_ops = {"add": torch.add, "sub": torch.sub, "mul": torch.mul, "div": torch.div}
    unary_ops = {"neg": torch.neg, "tanh": torch.tanh, "exp": torch.exp, "relu": torch.relu}
    nodes = [oracles.tensor(np.float64(x), requires_grad=True) for x in leaves]
    for op in ops:
        name = op[0]
        if name in binary_ops:
            node = binary_ops[name](nodes[op[1]], nodes[op[2]])
        elif name in constant_ops:
            node = constant_ops[name](nodes[op[1]], op[2])
        else:
            node = unary_ops[name](nodes[op[1]])
        node.retain_grad()
        nodes.append(node)
    nodes[-1].backward()
    data = np.array([n.item() for n in nodes])
    grad = np.array([0.0 if n.grad is None else n.grad.item() for n in nodes])
    return data, grad


CONSTANT_CODE = {"add_const": "x{i} + {c!r}", "radd": "{c!r} + x{i}", "sub_const": "x{i} - {c!r}",
                 "rsub": "{c!r} - x{i}", "mul_const": "x{i} * {c!r}", "rmul": "{c!r} * x{i}",
                 "div_const": "x{i} / {c!r}", "rdiv": "{c!r} / x{i}"}


def describe_program(leaves, ops):
    """The program as Python code a student can paste and run."""
    lines = [f"x{k} = Value({x!r})" for k, x in enumerate(leaves)]
    infix = {"add": "+", "sub": "-", "mul": "*", "div": "/"}
    for k, op in enumerate(ops, start=len(leaves)):
        name, i = op[0], op[1]
        if name in infix:
            code = f"x{i} {infix[name]} x{op[2]}"
        elif name == "pow":
            code = f"x{i} ** {op[2]!r}"
        elif name in WITH_CONSTANT:
            code = CONSTANT_CODE[name].format(i=i, c=op[2])
        elif name == "neg":
            code = f"-x{i}"
        else:
            code = f"x{i}.{name}()"
        lines.append(f"x{k} = {code}")
    lines.append(f"x{len(leaves) + len(ops) - 1}.backward()")
    return lines


def run_program(student, leaves, ops):
    """The driver's result for the program, checked for shape; Mismatch lines include the program."""
    result = student.drive("build_and_backward", Defined("Value"), list(leaves), [list(op) for op in ops])
    expect(isinstance(result, dict) and {"data", "grad", "pure"} <= result.keys(),
           "драйвер не смог прочитать data и grad узлов вашего графа")
    return result


def expect_program(student, leaves, ops):
    """data and grad of every node agree with torch autograd (node k is x{k} of the program)."""
    result = run_program(student, leaves, ops)
    data, grad = torch_graph(leaves, ops)
    scale = max(1.0, float(np.abs(grad).max()))
    try:
        _expect_array(np.array(result["data"]), data, name="data", rtol=DATA_RTOL, atol=DATA_ATOL)
        _expect_array(np.array(result["grad"]), grad, name="grad", rtol=GRAD_RTOL, atol=GRAD_ATOL * scale)
    except Mismatch as e:
        raise Mismatch(*e.lines, "(data[k] и grad[k] — узел xk графа; граф, который строил проверяющий:)",
                       *("    " + line for line in describe_program(leaves, ops))) from None
    return result


def _leaf(rng, low=0.3, high=2.0):
    """A random nonzero number with a random sign, away from zero."""
    return float(rng.choice([-1.0, 1.0]) * rng.uniform(low, high))


# -- 9.1 Value ------------------------------------------------------------------------------


@EXERCISE.check("Value", points=2,
                title="каждая операция (+, −, *, /, **, унарный −, tanh, exp, relu): data и grad как у torch")
def each_operation_matches_torch(student, rng):
    # the op's result is multiplied by a third leaf w, so the chain rule through out.grad is tested too
    for name in BINARY:
        expect_program(student, [_leaf(rng), _leaf(rng, 0.5), _leaf(rng)], [[name, 0, 1], ["mul", 3, 2]])
    for k in EXPONENTS:
        expect_program(student, [abs(_leaf(rng, 0.5)), _leaf(rng)], [["pow", 0, k], ["mul", 2, 1]])
    for name in UNARY:
        expect_program(student, [_leaf(rng, 0.1, 1.5), _leaf(rng)], [[name, 0], ["mul", 2, 1]])
    for sign in (1.0, -1.0):
        expect_program(student, [sign * abs(_leaf(rng)), _leaf(rng)], [["relu", 0], ["mul", 2, 1]])


@EXERCISE.check("Value", points=2,
                title="арифметика с числами Python справа и слева: x + 2, 2 + x, 3 * x, 1 − x, 1 / x, …")
def numbers_on_either_side(student, rng):
    for name in WITH_CONSTANT:
        c = 2 if name in ("radd", "rmul") else round(_leaf(rng, 0.5, 3.0), 3)  # an int on the left, too
        expect_program(student, [_leaf(rng, 0.5), _leaf(rng)], [[name, 0, c], ["mul", 2, 1]])


@EXERCISE.check("Value", points=2,
                title="узел, использованный несколько раз, накапливает градиент: x * x, x + x, ромб")
def shared_nodes_accumulate(student, rng):
    x, y = _leaf(rng, 0.3, 1.5), _leaf(rng, 0.3, 1.5)
    cases = [
        ([x], [["mul", 0, 0]]),                                          # x * x: grad 2x, not x
        ([x], [["add", 0, 0]]),                                          # x + x: grad 2
        ([x], [["mul", 0, 0], ["add", 1, 0]]),                           # x * x + x
        ([x], [["tanh", 0], ["mul_const", 1, 2.0], ["exp", 1], ["add", 2, 3]]),  # a diamond
        ([x, y], [["mul", 0, 1], ["tanh", 2], ["mul", 2, 0], ["mul", 3, 4], ["add", 5, 2]]),
    ]
    for leaves, ops in cases:
        expect_program(student, leaves, ops)


@EXERCISE.check("Value", points=3, examples=25,
                title="случайные графы выражений (Hypothesis): data и grad всех узлов как у torch.autograd")
@given(program=programs())
@example(program=([0.5, -1.25], [["mul", 0, 1], ["tanh", 2], ["add", 3, 2], ["pow", 4, 2], ["rsub", 5, 1],
                                  ["mul", 6, 0]]))
def random_graphs_match_autograd(student, program):
    expect_program(student, *program)


@EXERCISE.check("Value", points=1,
                title="пример страницы tanh(a·b + c); data и grad — числа Python (float), без numpy и torch")
def worked_example_in_pure_python(student, rng):
    results = [expect_program(student, [2.0, -1.0, 2.5], [["mul", 0, 1], ["add", 3, 2], ["tanh", 4]]),
               expect_program(student, [_leaf(rng), _leaf(rng), _leaf(rng)],
                              [["mul", 0, 1], ["add", 3, 2], ["tanh", 4], ["exp", 5]])]
    for result in results:
        expect(result["pure"] is True,
               "data и grad узлов должны быть числами Python (float), а у вас встречаются объекты другого типа "
               "(numpy.float64, torch.Tensor, ...)",
               "часть 9.1 — чистый Python: используйте math.tanh, math.exp и обычную арифметику")


# -- 9.2 SoftplusFunction ---------------------------------------------------------------------


def softplus_oracle(x, grad_output):
    """y = log(1 + e^x) and dL/dx for L = sum(y * grad_output), autograd of torch.logaddexp(x, 0)."""
    import torch

    x_ = oracles.tensor(x, requires_grad=True)
    y = torch.logaddexp(x_, torch.zeros_like(x_))
    y.backward(oracles.tensor(grad_output))
    return y.detach().numpy(), x_.grad.numpy()


def _array(result, key, name):
    value = result.get(key) if isinstance(result, dict) else None
    if not isinstance(value, TensorValue):
        got = "None" if value is None else type(value).__name__
        raise Mismatch(f"{name}: ожидался torch.Tensor, получено {got}")
    return value.array


def expect_softplus(student, x, grad_output, rtol=1e-10, atol=1e-12):
    result = student.drive("apply_function", Defined("SoftplusFunction"), AsTensor(x), AsTensor(grad_output))
    y, grad = softplus_oracle(x, grad_output)
    try:
        _expect_array(_array(result, "y", "y = SoftplusFunction.apply(x)"), y, name="y", rtol=rtol, atol=atol)
        _expect_array(_array(result, "grad", "x.grad после y.backward(grad_output)"), grad, name="x.grad",
                      rtol=rtol, atol=atol)
    except Mismatch as e:
        shown = [f"x = {np.array2string(x, precision=6, separator=', ')}",
                 f"grad_output = {np.array2string(grad_output, precision=6, separator=', ')}"]
        raise Mismatch(*e.lines, *(shown if x.size <= 12 else [])) from None
    return result


@st.composite
def inputs_and_grads(draw):
    shape = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple))
    return draw(arrays(shape, bound=30.0)), draw(arrays(shape, bound=3.0))


@EXERCISE.check("SoftplusFunction", points=2, examples=15,
                title="y и x.grad совпадают с autograd выражения log(1 + eˣ) в float64 (формы ранга 1–3)")
@given(batch=inputs_and_grads())
def matches_autograd(student, batch):
    expect_softplus(student, *batch)


@EXERCISE.check("SoftplusFunction", points=2,
                title="torch.autograd.gradcheck принимает функцию (float64, eps=1e-6)")
def passes_gradcheck(student, rng):
    for shape, scale in (((3, 4), 3.0), ((5,), 0.5), ((1,), 8.0)):
        x = rng.normal(0.0, scale, size=shape)
        ok = student.drive("gradcheck_function", Defined("SoftplusFunction"), AsTensor(x))
        expect(ok is True, f"torch.autograd.gradcheck отверг функцию на входе формы {shape}: "
                           "backward не согласуется с конечными разностями вашего forward")


@EXERCISE.check("SoftplusFunction", points=2,
                title="конечна и точна при |x| до 1000 и при x ≈ −50 (относительная точность 1e-10)")
def stable_at_extremes(student, rng):
    x = np.array([-1000.0, -50.0, -40.0, -10.0, -1e-3, 0.0, 0.5, 15.0, 40.0, 800.0, 1000.0])
    expect_softplus(student, x, rng.uniform(0.5, 2.0, size=x.shape), rtol=1e-10, atol=1e-300)
    wide = rng.normal(0.0, 300.0, size=(2, 6))
    expect_softplus(student, wide, rng.normal(size=wide.shape), rtol=1e-10, atol=1e-300)


@EXERCISE.check("SoftplusFunction", points=1,
                title="настоящая autograd.Function: grad_fn — ваш узел, ctx.save_for_backward, "
                      "форма, dtype и устройство входа")
def is_a_real_function(student, rng):
    x = rng.normal(0.0, 2.0, size=(2, 3))
    result = expect_softplus(student, x, rng.normal(size=x.shape))
    expect(result["is_function"] is True, "SoftplusFunction должна наследовать torch.autograd.Function")
    expect(result["custom_node"] is True,
           "y.grad_fn — не узел вашей функции: вызывайте SoftplusFunction.apply(x), а не forward напрямую")
    expect(result["saved"] >= 1, "forward не сохранил ни одного тензора через ctx.save_for_backward: "
                                 "храните тензоры для backward только так, а не в атрибутах ctx")
    expect(result["keeps_device_dtype_shape"] is True,
           "y и x.grad должны иметь ту же форму, dtype (float64) и устройство, что и x")
