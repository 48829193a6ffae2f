"""Checks of exercise 35: GELU (exact and tanh), SiLU, ELU, Softplus and LogSigmoid in torch, by hand.

Every part returns ``(out, grad_input)`` for an input ``x`` and an upstream gradient
``grad_output``. The oracle is ``torch.nn.functional`` in float64 on the CPU, and the
gradient is autograd's vector-Jacobian product with the same ``grad_output``. Inputs travel
as ``AsTensor`` (the worker puts them on the grading device), and ``expect_tensor`` checks
that the answers come back float64, on that device and close. Edge cases: a single element,
non-square batches, |x| up to 1000, x = 0 exactly, and the Softplus threshold boundary
beta * x == threshold (PyTorch switches to the linear branch only when it is exceeded).
"""

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as nps

from grader import oracles
from grader.compare import expect_array, expect_tensor, expect_tuple
from grader.exercise import Exercise
from grader.strategies import arrays, gaussian
from grader.wire import AsTensor

SHAPES = nps.array_shapes(min_dims=1, max_dims=4, min_side=1, max_side=5)
EXTREME = np.array([-1000.0, -800.0, -745.0, -710.0, -100.0, -40.0, -20.0, 0.0, 20.0, 40.0, 100.0, 710.0,
                    800.0, 1000.0])
OUT_TOL = {"rtol": 1e-10, "atol": 1e-12}
GRAD_TOL = {"rtol": 1e-9, "atol": 1e-12}
PARTS = {  # part -> (F function name, parameter names in the student's signature after grad_output)
    "gelu_and_grad": ("gelu", ("approximate",)),
    "silu_and_grad": ("silu", ()),
    "elu_and_grad": ("elu", ("alpha",)),
    "softplus_and_grad": ("softplus", ("beta", "threshold")),
    "logsigmoid_and_grad": ("logsigmoid", ()),
}


def _probe_input():
    return np.array([-1000.0, -3.0, -1.5, -0.5, 0.0, 0.5, 1.5, 2.0, 3.0, 12.0, 1000.0])


def _probes(*params):
    def probes(rng):
        x = _probe_input()
        return [(AsTensor(x), AsTensor(rng.uniform(0.5, 2.0, size=x.size)), *params)]

    return probes


EXERCISE = Exercise(
    id="ex35_activations",
    topic=35,
    framework="torch",
    part_names=list(PARTS),
    forbidden_modules=(),
    forbidden_names=("gelu", "GELU", "silu", "SiLU", "elu", "ELU", "celu", "CELU", "selu", "SELU",
                     "softplus", "Softplus", "logsigmoid", "LogSigmoid", "log_sigmoid", "logaddexp",
                     "mish", "Mish", "hardswish", "autograd", "backward", "requires_grad", "requires_grad_",
                     "enable_grad", "func", "functorch", "vjp", "jacrev", "jacfwd"),
    probes={"gelu_and_grad": _probes("none"), "silu_and_grad": _probes(),
            "elu_and_grad": _probes(2.5), "softplus_and_grad": _probes(2.0, 3.0),
            "logsigmoid_and_grad": _probes()},
)


def _oracle(function, x, grad_output, params):
    """out and grad_output * f'(x) by torch.nn.functional and autograd, float64 on the CPU."""
    import torch.nn.functional as F

    xt = oracles.tensor(x, requires_grad=True)
    out = getattr(F, function)(xt, **params)
    out.backward(oracles.tensor(grad_output))
    return out.detach().numpy(), xt.grad.numpy()


def _expect(student, part, x, grad_output, **params):
    """Call the part on (x, grad_output, *params) and compare both results with the oracle."""
    function, names = PARTS[part]
    args = [params[n] for n in names if n in params]
    label = part + "(x" + "".join(f", {n}={params[n]!r}" for n in names if n in params) + ")"
    got = expect_tuple(student.call(part, AsTensor(x), AsTensor(grad_output), *args), ("out", "grad_input"),
                       name=label)
    out, grad = _oracle(function, x, grad_output, params)
    got_out = expect_tensor(got[0], out, device=student.device, name="out", **OUT_TOL)
    got_grad = expect_tensor(got[1], grad, device=student.device, name="grad_input", **GRAD_TOL)
    return got_out, got_grad


@st.composite
def _pairs(draw, bound=8.0):
    """x and grad_output of one random shape (rank 1-4, sides 1-5: batch of 1 and non-square included)."""
    shape = draw(SHAPES)
    return draw(arrays(shape, bound=bound)), draw(arrays(shape, bound=3.0))


def _extreme(rng):
    """Huge and moderate inputs in a non-square batch, with a random upstream gradient."""
    x = np.concatenate([EXTREME, rng.uniform(-1000.0, 1000.0, size=10)]).reshape(3, 8)
    return x, rng.uniform(-2.0, 2.0, size=x.shape)


# -- 35.1 GELU --------------------------------------------------------------------------------


@EXERCISE.check("gelu_and_grad", points=2,
                title="точный GELU (erf): выход и градиент совпадают с F.gelu и autograd (формы ранга 1–4)",
                examples=10)
@given(pair=_pairs())
@example(pair=(np.array([0.0]), np.array([1.0])))
def gelu_exact_matches_torch(student, pair):
    _expect(student, "gelu_and_grad", *pair, approximate="none")


@EXERCISE.check("gelu_and_grad", points=2,
                title="approximate='tanh' совпадает с F.gelu(approximate='tanh'), а режимы не перепутаны "
                      "(разница режимов до 5e-4, допуск 1e-10)")
def gelu_tanh_mode(student, rng):
    x = np.concatenate([np.linspace(-4.0, 4.0, 17), gaussian(rng, 7, scale=2.0)]).reshape(4, 6)
    g = rng.uniform(0.5, 2.0, size=x.shape)
    _expect(student, "gelu_and_grad", x, g, approximate="tanh")
    _expect(student, "gelu_and_grad", x, g, approximate="none")


@EXERCISE.check("gelu_and_grad", points=1, title="оба режима конечны и точны при |x| до 1000")
def gelu_extreme(student, rng):
    x, g = _extreme(rng)
    for mode in ("none", "tanh"):
        _expect(student, "gelu_and_grad", x, g, approximate=mode)


# -- 35.2 SiLU --------------------------------------------------------------------------------


@EXERCISE.check("silu_and_grad", points=2,
                title="выход и градиент совпадают с F.silu и autograd (формы ранга 1–4)", examples=10)
@given(pair=_pairs())
@example(pair=(np.array([0.0]), np.array([1.0])))
def silu_matches_torch(student, pair):
    _expect(student, "silu_and_grad", *pair)


@EXERCISE.check("silu_and_grad", points=1,
                title="конечен и точен при |x| до 1000; SiLU(x) − SiLU(−x) = x")
def silu_extreme_and_symmetry(student, rng):
    x, g = _extreme(rng)
    out, _ = _expect(student, "silu_and_grad", x, g)
    mirrored, _ = _expect(student, "silu_and_grad", -x, g)
    expect_array(out - mirrored, x, name="SiLU(x) − SiLU(−x)", rtol=1e-10, atol=1e-9)


# -- 35.3 ELU ---------------------------------------------------------------------------------


@EXERCISE.check("elu_and_grad", points=2,
                title="выход и градиент совпадают с F.elu и autograd при alpha = 1 и случайном alpha",
                examples=10)
@given(pair=_pairs(), alpha=st.sampled_from([1.0, 0.3, 1.7, 2.5]))
def elu_matches_torch(student, pair, alpha):
    _expect(student, "elu_and_grad", *pair, alpha=alpha)


@EXERCISE.check("elu_and_grad", points=2,
                title="точка x = 0: выход 0, производная alpha (соглашение PyTorch), alpha ≠ 1")
def elu_at_zero(student, rng):
    alpha = float(np.round(rng.uniform(1.5, 3.0), 2))
    x = np.array([[-2.0, -1e-3, 0.0, 1e-3, 2.0], [0.0, -0.5, 0.5, 0.0, 3.0]])
    _expect(student, "elu_and_grad", x, rng.uniform(0.5, 2.0, size=x.shape), alpha=alpha)


@EXERCISE.check("elu_and_grad", points=1, title="конечен и точен при |x| до 1000")
def elu_extreme(student, rng):
    x, g = _extreme(rng)
    _expect(student, "elu_and_grad", x, g, alpha=float(rng.uniform(0.5, 2.0)))


# -- 35.4 Softplus ----------------------------------------------------------------------------


@EXERCISE.check("softplus_and_grad", points=2,
                title="выход и градиент совпадают с F.softplus и autograd (beta = 1, threshold = 20 и другие)",
                examples=10)
@given(pair=_pairs(bound=15.0), beta=st.sampled_from([1.0, 0.5, 2.0, 3.0]))
def softplus_matches_torch(student, pair, beta):
    _expect(student, "softplus_and_grad", *pair, beta=beta, threshold=20.0)


@EXERCISE.check("softplus_and_grad", points=2,
                title="линейный участок строго при beta·x > threshold (малый threshold, beta ≠ 1, граница "
                      "beta·x = threshold)")
def softplus_threshold(student, rng):
    beta, threshold = float(rng.choice([2.0, 4.0])), float(rng.choice([1.0, 2.0, 3.0]))
    edge = threshold / beta  # beta * edge == threshold exactly: PyTorch still uses the log formula here
    x = np.array([-2.0, 0.0, 0.25, edge / 2, edge, edge + 0.125, threshold, threshold + 1.0, 2 * threshold])
    _expect(student, "softplus_and_grad", x, rng.uniform(0.5, 2.0, size=x.size), beta=beta, threshold=threshold)


@EXERCISE.check("softplus_and_grad", points=1,
                title="конечен и точен при |x| до 1000, в том числе при большом threshold (без переполнения exp)")
def softplus_extreme(student, rng):
    x, g = _extreme(rng)
    _expect(student, "softplus_and_grad", x, g, beta=1.0, threshold=20.0)
    _expect(student, "softplus_and_grad", x, g, beta=0.5, threshold=1e6)


# -- 35.5 LogSigmoid --------------------------------------------------------------------------


@EXERCISE.check("logsigmoid_and_grad", points=2,
                title="выход и градиент совпадают с F.logsigmoid и autograd (формы ранга 1–4)", examples=10)
@given(pair=_pairs(bound=30.0))
@example(pair=(np.array([0.0]), np.array([1.0])))
def logsigmoid_matches_torch(student, pair):
    _expect(student, "logsigmoid_and_grad", *pair)


@EXERCISE.check("logsigmoid_and_grad", points=2,
                title="устойчив: logsigmoid(−1000) = −1000, а не −inf; конечен при |x| до 1000")
def logsigmoid_extreme(student, rng):
    x, g = _extreme(rng)
    _expect(student, "logsigmoid_and_grad", x, g)


@EXERCISE.check("logsigmoid_and_grad", points=1,
                title="logsigmoid(x) − logsigmoid(−x) = x, производные в x и −x дают в сумме 1")
def logsigmoid_symmetry(student, rng):
    x = gaussian(rng, 2, 7, scale=10.0)
    ones = np.ones_like(x)
    out, grad = _expect(student, "logsigmoid_and_grad", x, ones)
    out_m, grad_m = _expect(student, "logsigmoid_and_grad", -x, ones)
    expect_array(out - out_m, x, name="logsigmoid(x) − logsigmoid(−x)", rtol=1e-10, atol=1e-10)
    expect_array(grad + grad_m, ones, name="производная в x плюс производная в −x", rtol=1e-10, atol=1e-12)
