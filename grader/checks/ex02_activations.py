"""Checks of exercise 2: activations forward and backward against torch, a stable sigmoid, collapsing linear layers."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as nps

from grader import oracles
from grader.compare import Mismatch, expect, expect_array, expect_tuple
from grader.exercise import Exercise
from grader.strategies import arrays, gaussian
from grader.wire import Defined

NAMES = ["sigmoid", "tanh", "relu", "leaky_relu", "hardtanh"]
SHAPES = nps.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=5)
EXTREME = np.array([-1e4, -1000.0, -800.0, -745.0, -710.0, -100.0, -36.0, 0.0, 36.0, 100.0, 710.0, 800.0,
                    1000.0, 1e4])


def _torch_forward(name, t, params):
    import torch.nn.functional as F

    if name == "sigmoid":
        return t.sigmoid()
    if name == "tanh":
        return t.tanh()
    if name == "relu":
        return F.relu(t)
    if name == "leaky_relu":
        return F.leaky_relu(t, negative_slope=params.get("negative_slope", 0.01))
    return F.hardtanh(t, min_val=params.get("min_val", -1.0), max_val=params.get("max_val", 1.0))


def _forward_oracle(name, x, params):
    return _torch_forward(name, oracles.tensor(x), params).detach().numpy()


def _backward_oracle(name, x, grad_output, params):
    """Autograd of torch's activation: grad_output * f'(x) with torch's conventions at kinks."""
    t = oracles.tensor(x, requires_grad=True)
    _torch_forward(name, t, params).backward(oracles.tensor(grad_output))
    return t.grad.numpy()


def _params_text(params):
    return "".join(f", {k}={v:g}" for k, v in params.items())


# -- probes: inputs that tell the catalogued mistakes apart -----------------------------


# The sigmoid part has no probes: its calls go through a driver, and the engine replays
# probes as plain calls of the student's functions, not as driver runs. The failing call
# alone tells its two mistakes apart (they trigger different counts of warnings).


def _forward_probes(rng):
    x = np.array([-1000.0, -2.0, -0.5, 0.0, 0.5, 2.0, 1000.0])
    return [(name, x) for name in NAMES]


def _backward_probes(rng):
    x = np.array([-1000.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 1000.0])
    return [(name, x, gaussian(rng, x.size)) for name in NAMES]


def _collapse_probes(rng):
    return [([gaussian(rng, 3, 2), gaussian(rng, 4, 3)], [gaussian(rng, 3), gaussian(rng, 4)]),
            ([gaussian(rng, 3, 3), gaussian(rng, 3, 3)], [gaussian(rng, 3), gaussian(rng, 3)])]


EXERCISE = Exercise(
    id="ex02_activations",
    topic=2,
    framework="numpy",
    part_names=["sigmoid", "activation_forward", "activation_backward", "collapse_linear"],
    probes={"activation_forward": _forward_probes,
            "activation_backward": _backward_probes, "collapse_linear": _collapse_probes},
    drivers="ex02_activations",
)


# -- 2.1 sigmoid ------------------------------------------------------------------------


def _watched_sigmoid(student, x, *, quiet):
    """The student's sigmoid(x), run by the driver that counts NumPy's floating-point errors."""
    report = student.drive("watch_floating_point", Defined("sigmoid"), x)
    value = expect_array(report["value"], oracles.tensor(x).sigmoid().numpy(), name="sigmoid(x)")
    if quiet:
        problems = [f"{what}: {report[key]}" for key, what in
                    [("overflow", "переполнение (overflow), например в np.exp"),
                     ("invalid", "недопустимая операция (invalid: inf/inf, inf − inf, 0·inf)"),
                     ("divide", "деление на ноль (divide)")] if report[key]]
        if problems:
            raise Mismatch("значения верны, но при вычислении NumPy выдал предупреждения о плавающей точке:",
                           *(f"  {p}" for p in problems),
                           f"вход: {np.array2string(x, max_line_width=100)}",
                           "устойчивая сигмоида не должна вычислять exp от больших положительных чисел "
                           "ни в одной ветви")
    return value


@EXERCISE.check("sigmoid", points=2, title="совпадает с torch.sigmoid на массивах ранга 1–3 (допуск 1e-10)")
@given(x=arrays(SHAPES, bound=40.0))
def sigmoid_matches_torch(student, x):
    _watched_sigmoid(student, x, quiet=False)


@EXERCISE.check("sigmoid", points=3,
                title="точна при |x| до 1e4 (σ(800) = 1, σ(−800) = 0) и без предупреждений overflow/invalid")
def sigmoid_is_stable(student, rng):
    _watched_sigmoid(student, EXTREME, quiet=True)
    _watched_sigmoid(student, np.array([-800.0]), quiet=True)
    _watched_sigmoid(student, rng.permutation(EXTREME).reshape(2, 7) * rng.uniform(0.9, 1.1), quiet=True)


@EXERCISE.check("sigmoid", points=1, title="σ(x) + σ(−x) = 1, σ(0) = 0.5, значения в [0, 1], форма сохраняется")
def sigmoid_invariants(student, rng):
    x = np.concatenate([gaussian(rng, 3, 4, scale=10.0), np.zeros((1, 4))])
    s = _watched_sigmoid(student, x, quiet=False)
    s_neg = _watched_sigmoid(student, -x, quiet=False)
    expect_array(s + s_neg, np.ones_like(x), name="σ(x) + σ(−x)", rtol=0, atol=1e-15)
    expect(bool(np.all((s >= 0) & (s <= 1))), "sigmoid(x): есть значения вне отрезка [0, 1]")
    expect(bool(np.all(s[3] == 0.5)), f"σ(0) должна быть ровно 0.5, получено {s[3].tolist()}")


# -- 2.2 activation_forward -------------------------------------------------------------


def _expect_forward(student, name, x, **params):
    return expect_array(student.activation_forward(name, x, **params), _forward_oracle(name, x, params),
                        name=f"activation_forward('{name}'{_params_text(params)})")


@EXERCISE.check("activation_forward", points=3,
                title="все пять функций совпадают с torch на массивах ранга 1–3 (параметры по умолчанию)")
@given(name=st.sampled_from(NAMES), x=arrays(SHAPES, bound=50.0))
def forward_matches_torch(student, name, x):
    _expect_forward(student, name, x)


@EXERCISE.check("activation_forward", points=2,
                title="параметры negative_slope (в том числе > 1), min_val и max_val как в torch")
def forward_parameters(student, rng):
    x = gaussian(rng, 3, 5, scale=3.0)
    _expect_forward(student, "leaky_relu", x, negative_slope=float(rng.uniform(0.05, 0.5)))
    _expect_forward(student, "leaky_relu", x, negative_slope=float(rng.uniform(1.5, 3.0)))
    low = float(rng.uniform(-3.0, -0.2))
    _expect_forward(student, "hardtanh", x, min_val=low, max_val=low + float(rng.uniform(0.5, 4.0)))


@EXERCISE.check("activation_forward", points=1, title="конечны и точны при |x| до 1e4 (tanh(±800) = ±1)")
def forward_extreme_inputs(student, rng):
    for name in NAMES:
        _expect_forward(student, name, EXTREME)


# -- 2.3 activation_backward ------------------------------------------------------------


def _expect_backward(student, name, x, grad_output, **params):
    return expect_array(student.activation_backward(name, x, grad_output, **params),
                        _backward_oracle(name, x, grad_output, params),
                        name=f"activation_backward('{name}'{_params_text(params)})", rtol=1e-9, atol=1e-12)


@st.composite
def _backward_cases(draw):
    name = draw(st.sampled_from(NAMES))
    shape = draw(SHAPES)
    return name, draw(arrays(shape, bound=6.0)), draw(arrays(shape, bound=3.0))


@EXERCISE.check("activation_backward", points=3,
                title="совпадает с autograd torch (grad_output · f′(x)) для всех пяти функций")
@given(case=_backward_cases())
def backward_matches_autograd(student, case):
    _expect_backward(student, *case)


@EXERCISE.check("activation_backward", points=2,
                title="соглашения torch в изломах: ReLU′(0) = 0, LeakyReLU′(0) = α, Hardtanh′(±1) = 0")
def backward_kinks(student, rng):
    x = np.array([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0])
    g = rng.uniform(0.5, 2.0, size=x.size)
    for name in ["relu", "leaky_relu", "hardtanh"]:
        _expect_backward(student, name, x, g)
    slope = float(rng.uniform(1.5, 3.0))
    _expect_backward(student, "leaky_relu", x, g, negative_slope=slope)
    low = float(np.round(rng.uniform(-3.0, -0.5), 1))
    edges = np.array([low - 1.0, low, low + 0.25, 0.0, low + 1.5, low + 2.0])
    _expect_backward(student, "hardtanh", edges, rng.uniform(0.5, 2.0, size=6), min_val=low, max_val=low + 1.5)


@EXERCISE.check("activation_backward", points=1,
                title="конечен при |x| до 1e4 (насыщение: производные сигмоиды и tanh → 0)")
def backward_extreme_inputs(student, rng):
    g = gaussian(rng, EXTREME.size)
    for name in NAMES:
        _expect_backward(student, name, EXTREME, g)


# -- 2.4 collapse_linear ----------------------------------------------------------------


def _stack_oracle(weights, biases, X):
    """The stack of torch.nn.Linear layers (float64, weights copied in) applied to X."""
    import torch

    layers = []
    for W, b in zip(weights, biases, strict=True):
        linear = torch.nn.Linear(W.shape[1], W.shape[0], dtype=torch.float64)
        with torch.no_grad():
            linear.weight.copy_(oracles.tensor(W))
            linear.bias.copy_(oracles.tensor(b))
        layers.append(linear)
    with torch.no_grad():
        return torch.nn.Sequential(*layers)(oracles.tensor(X)).numpy()


def _collapse_oracle(weights, biases):
    """The equivalent layer read off the stack: b = stack(0), column j of W = stack(e_j) − b."""
    n_in = weights[0].shape[1]
    b = _stack_oracle(weights, biases, np.zeros((1, n_in)))[0]
    W = (_stack_oracle(weights, biases, np.eye(n_in)) - b).T
    return W, b


def _expect_collapse(student, weights, biases):
    W0, b0 = _collapse_oracle(weights, biases)
    W, b = expect_tuple(student.collapse_linear(weights, biases), ("W", "b"))
    expect_array(W, W0, name="W", rtol=1e-9, atol=1e-10)
    expect_array(b, b0, name="b", rtol=1e-9, atol=1e-10)
    return W, b


@st.composite
def _stacks(draw):
    widths = draw(st.lists(st.integers(1, 6), min_size=2, max_size=5))
    weights = [draw(arrays((n_out, n_in), 1.5)) for n_in, n_out in zip(widths, widths[1:], strict=False)]
    biases = [draw(arrays((n_out,), 1.5)) for n_out in widths[1:]]
    return weights, biases


@EXERCISE.check("collapse_linear", points=2,
                title="W и b совпадают с одним слоем, считанным со стека nn.Linear (разные ширины и глубины)")
@given(stack=_stacks())
def collapse_matches_stack(student, stack):
    _expect_collapse(student, *stack)


@EXERCISE.check("collapse_linear", points=2,
                title="x @ W.T + b совпадает с выходом стека на батчах из 1 и 6 примеров; один слой не меняется")
def collapse_proves_equivalence(student, rng):
    widths = [3, 5, 2, 4]
    weights = [gaussian(rng, n_out, n_in) for n_in, n_out in zip(widths, widths[1:], strict=False)]
    biases = [gaussian(rng, n_out) for n_out in widths[1:]]
    W, b = _expect_collapse(student, weights, biases)
    for batch in (1, 6):
        X = gaussian(rng, batch, 3)
        expect_array(X @ W.T + b, _stack_oracle(weights, biases, X), name=f"x @ W.T + b (батч {batch})",
                     rtol=1e-9, atol=1e-10)
    single_W, single_b = gaussian(rng, 2, 4), gaussian(rng, 2)
    W, b = _expect_collapse(student, [single_W], [single_b])
    expect_array(W, single_W, name="W одного слоя", rtol=0, atol=1e-15)
    expect_array(b, single_b, name="b одного слоя", rtol=0, atol=1e-15)
