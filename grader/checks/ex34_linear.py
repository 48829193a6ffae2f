"""Checks of exercise 34: nn.Linear's forward and backward pass and its default initialisation, in NumPy.

Oracles, computed at grade time: ``F.linear`` and autograd in torch float64 (with a random upstream
gradient G, the loss L = sum(y * G)); central finite differences of that loss, which do not use
torch; torch's own ``_calculate_fan_in_and_fan_out`` and ``calculate_gain`` for the bounds, and the
weights of real ``nn.Linear`` / ``nn.Conv2d`` layers. Inputs have 1 to 4 axes and non-square weights,
with one square case, so that x @ W (instead of x @ W.T) is caught whether or not it raises.
The sampler is checked statistically: every bound is a proven inequality and each check's docstring
states its false-reject rate (at most 1e-6).
"""

import math

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader.bounds import bernstein_radius
from grader.compare import expect, expect_array, expect_scalar, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.wire import Rng

DELTA = 1e-7  # false-reject probability of one moment test


def _forward_probes(rng):
    return [(gaussian(rng, 2, 3, 4), gaussian(rng, 4, 4), gaussian(rng, 4)),
            (gaussian(rng, 5), gaussian(rng, 3, 5), None)]


def _backward_probes(rng):
    return [(gaussian(rng, 2, 3, 4), gaussian(rng, 5, 4), gaussian(rng, 2, 3, 5)),
            (gaussian(rng, 4), gaussian(rng, 3, 4), gaussian(rng, 3))]


def _bounds_probes(rng):
    return [((7, 3),), ((8, 4, 3, 3), 1.0)]


def _init_probes(rng):
    return [(40, 5, Rng(7)), (3, 9, Rng(8))]


EXERCISE = Exercise(
    id="ex34_linear",
    topic=34,
    framework="numpy",
    part_names=["linear_forward", "linear_backward", "default_init_bounds", "init_linear"],
    probes={"linear_forward": _forward_probes, "linear_backward": _backward_probes,
            "default_init_bounds": _bounds_probes, "init_linear": _init_probes},
)


# -- oracles ------------------------------------------------------------------------------


def torch_linear(x, W, b):
    import torch
    import torch.nn.functional as F

    return F.linear(torch.tensor(x), torch.tensor(W), None if b is None else torch.tensor(b)).numpy()


def torch_linear_grads(x, W, b, G):
    """(dx, dW, db) of L = sum(F.linear(x, W, b) * G) by autograd in float64."""
    import torch
    import torch.nn.functional as F

    xt, Wt, bt = (torch.tensor(a, requires_grad=True) for a in (x, W, b))
    (F.linear(xt, Wt, bt) * torch.tensor(G)).sum().backward()
    return xt.grad.numpy(), Wt.grad.numpy(), bt.grad.numpy()


def torch_bounds(shape, a):
    """(weight bound, bias bound) from torch's own fan and gain functions (meta tensor: no memory)."""
    import torch

    fan_in, _ = torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape, device="meta"))
    gain = torch.nn.init.calculate_gain("leaky_relu", a)
    return gain * math.sqrt(3.0 / fan_in), 1.0 / math.sqrt(fan_in)


# -- 34.1 linear_forward --------------------------------------------------------------------


def _expect_forward(student, x, W, b):
    name = f"linear_forward(x {x.shape}, W {W.shape}, b {'None' if b is None else b.shape})"
    return expect_array(student.linear_forward(x, W, b), torch_linear(x, W, b), name=name)


@st.composite
def layers(draw):
    """(x, W, b or None, G): x with 1-4 axes, n_in != n_out, every value distinct."""
    n_in, n_out = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    if n_in == n_out:
        n_out += 1
    lead = draw(st.lists(st.integers(1, 4), min_size=0, max_size=3))
    rng = np.random.default_rng(draw(st.integers(0, 2**31)))
    b = gaussian(rng, n_out) if draw(st.booleans()) else None
    return gaussian(rng, *lead, n_in), gaussian(rng, n_out, n_in), b, gaussian(rng, *lead, n_out)


@EXERCISE.check("linear_forward", points=3, examples=15,
                title="совпадает с F.linear на входах ранга 1–4, in ≠ out, с bias и без")
@given(layer=layers())
def forward_matches_torch(student, layer):
    x, W, b, _ = layer
    _expect_forward(student, x, W, b)


@EXERCISE.check("linear_forward", points=2,
                title="квадратный несимметричный вес (in = out): y = x·Wᵀ + b, а не x·W; bias=None")
def forward_square_weight(student, rng):
    n = int(rng.integers(3, 6))
    W, x = gaussian(rng, n, n), gaussian(rng, 4, n)
    _expect_forward(student, x, W, gaussian(rng, n))
    _expect_forward(student, x, W, None)


@EXERCISE.check("linear_forward", points=1,
                title="крайние формы: батч из одного, один вектор (in,), in = 1, out = 1, оси длины 1")
def forward_edge_shapes(student, rng):
    for x_shape, (n_out, n_in) in [((1, 5), (3, 5)), ((4,), (2, 4)), ((3, 2, 1), (4, 1)), ((1, 1, 1, 6), (1, 6))]:
        _expect_forward(student, gaussian(rng, *x_shape), gaussian(rng, n_out, n_in), gaussian(rng, n_out))


# -- 34.2 linear_backward -------------------------------------------------------------------


def _expect_backward(student, x, W, G):
    got = expect_tuple(student.linear_backward(x, W, G), ("dx", "dW", "db"), name="linear_backward")
    expected = torch_linear_grads(x, W, gaussian(np.random.default_rng(0), W.shape[0]), G)
    where = f" (x {x.shape}, W {W.shape})"
    return tuple(expect_array(g, e, name=n + where, rtol=1e-10, atol=1e-11)
                 for g, e, n in zip(got, expected, ("dx", "dW", "db"), strict=True))


@EXERCISE.check("linear_backward", points=3, examples=15,
                title="(dx, dW, db) совпадают с autograd для L = Σ y·G на входах ранга 1–4")
@given(layer=layers())
@example(layer=(np.arange(6.0).reshape(2, 3) / 7, np.arange(12.0).reshape(4, 3) / 5, None,
                np.arange(8.0).reshape(2, 4) / 3))
def backward_matches_autograd(student, layer):
    x, W, _, G = layer
    _expect_backward(student, x, W, G)


@EXERCISE.check("linear_backward", points=2,
                title="ведущие оси — батч: вход (B, T, in) даёт те же dW, db, что (B·T, in); повтор батча удваивает их")
def backward_batch_axes(student, rng):
    B, T, n_in, n_out = 2, 3, 4, 5
    x, W, G = gaussian(rng, B, T, n_in), gaussian(rng, n_out, n_in), gaussian(rng, B, T, n_out)
    dx, dW, db = _expect_backward(student, x, W, G)
    flat = _expect_backward(student, x.reshape(B * T, n_in), W, G.reshape(B * T, n_out))
    expect_array(flat[1], dW, name="dW для входа (B·T, in)")
    twice = _expect_backward(student, np.concatenate([x, x]), W, np.concatenate([G, G]))
    expect_array(twice[2], 2 * db, name="db повторённого батча (должен удвоиться)")
    expect_array(twice[1], 2 * dW, name="dW повторённого батча (должен удвоиться)")


@EXERCISE.check("linear_backward", points=1,
                title="dW и db совпадают с центральными конечными разностями (без torch); один вектор (in,)")
def backward_finite_differences(student, rng):
    x, W, b, G = gaussian(rng, 3, 4), gaussian(rng, 2, 4), gaussian(rng, 2), gaussian(rng, 3, 2)
    got = expect_tuple(student.linear_backward(x, W, G), ("dx", "dW", "db"), name="linear_backward")
    loss = lambda W_, b_: float(np.sum((x @ W_.T + b_) * G))  # noqa: E731
    h = 1e-6
    dW = np.zeros_like(W)
    for i, j in np.ndindex(*W.shape):
        step = np.zeros_like(W)
        step[i, j] = h
        dW[i, j] = (loss(W + step, b) - loss(W - step, b)) / (2 * h)
    db = np.array([(loss(W, b + h * e) - loss(W, b - h * e)) / (2 * h) for e in np.eye(2)])
    expect_array(got[1], dW, name="dW (конечные разности, шаг 1e-6)", rtol=1e-6, atol=1e-7)
    expect_array(got[2], db, name="db (конечные разности, шаг 1e-6)", rtol=1e-6, atol=1e-7)
    _expect_backward(student, gaussian(rng, 4), W, gaussian(rng, 2))


# -- 34.3 default_init_bounds ---------------------------------------------------------------


def _expect_bounds(student, shape, a=None):
    args = (shape,) if a is None else (shape, a)
    call = f"default_init_bounds({shape}{'' if a is None else f', a={a:g}'})"
    got = expect_tuple(student.default_init_bounds(*args), ("weight_bound", "bias_bound"), name=call)
    expected = torch_bounds(shape, math.sqrt(5.0) if a is None else a)
    return tuple(expect_scalar(g, e, name=f"{call}: {n}", rtol=1e-12)
                 for g, e, n in zip(got, expected, ("weight_bound", "bias_bound"), strict=True))


def _non_square(rng):
    small = int(rng.integers(3, 40))
    big = small * int(rng.integers(2, 5))
    return (small, big) if rng.random() < 0.5 else (big, small)


@EXERCISE.check("default_init_bounds", points=2,
                title="nn.Linear (a = √5 по умолчанию): обе границы равны 1/√in — как у torch, при in ≠ out")
def bounds_of_linear(student, rng):
    for shape in [_non_square(rng), _non_square(rng)[::-1], (1, 1)]:
        _expect_bounds(student, shape)


@EXERCISE.check("default_init_bounds", points=2,
                title="свёртки (fan_in = in·размер ядра) и другие наклоны a: 0, 1, случайный")
def bounds_of_conv_and_slopes(student, rng):
    cases = [((int(rng.integers(2, 9)), int(rng.integers(2, 9)), 3, 5), None),
             ((6, 3, int(rng.integers(2, 6))), 0.0),
             ((4, 2, 3, 3, 2), 1.0),
             (_non_square(rng), float(rng.uniform(0.01, 3.0)))]
    for shape, a in cases:
        _expect_bounds(student, shape, a)


@EXERCISE.check("default_init_bounds", points=1,
                title="веса настоящих nn.Linear и nn.Conv2d лежат в ±weight_bound и доходят до 0.99 границы")
def bounds_of_real_layers(student, rng):
    """False-reject rate < 1e-12: a real layer has n >= 6000 weights, P(max |w| < 0.99 bound) <= 0.99^6000."""
    import torch

    torch.manual_seed(int(rng.integers(2**31)))
    n_in = int(rng.integers(60, 90))
    layers = [torch.nn.Linear(n_in, 3 * n_in, dtype=torch.float64),
              torch.nn.Conv2d(int(rng.integers(8, 12)), 30, 5, dtype=torch.float64)]
    for layer in layers:
        shape = tuple(layer.weight.shape)
        got = expect_tuple(student.default_init_bounds(shape), ("weight_bound", "bias_bound"),
                           name=f"default_init_bounds({shape})")
        bound = expect_scalar(got[0], torch_bounds(shape, math.sqrt(5.0))[0], name="weight_bound")
        top = float(layer.weight.detach().abs().max())
        expect(0.99 * bound <= top <= bound * (1 + 1e-12),
               f"у настоящего {type(layer).__name__} с весом {shape} max|w| = {top:.6g}, "
               f"а ваша граница {bound:.6g}")


# -- 34.4 init_linear -----------------------------------------------------------------------


def _draw(student, n_in, n_out, seed, bias=True):
    call = f"init_linear({n_in}, {n_out}, rng{'' if bias else ', bias=False'})"
    got = student.init_linear(n_in, n_out, Rng(seed), *(() if bias else (False,)))
    W, b = expect_tuple(got, ("W", "b"), name=call)
    for value, shape, label in ((W, (n_out, n_in), "W"), (b, (n_out,), "b")):
        if not bias and label == "b":
            expect(value is None, f"{call}: при bias=False смещение должно быть None, получено {type(value).__name__}")
            continue
        if not isinstance(value, np.ndarray) or value.shape != shape or value.dtype != np.float64:
            expect_array(value, np.zeros(shape), name=f"{call}: {label}")  # explains type, shape, dtype
        expect(bool(np.isfinite(value).all()), f"{call}: {label} содержит NaN или бесконечности")
    return call, W, b


def _sampler_cases(rng):
    """(in, out): weight-heavy non-square (>= 7200 weights) and bias-heavy (>= 3000 biases)."""
    small = int(rng.integers(60, 100))
    big = int(small * rng.uniform(2.0, 3.5))
    first = (small, big) if rng.random() < 0.5 else (big, small)
    return [first, (int(rng.integers(2, 5)), int(rng.integers(3000, 3600)))]


@EXERCISE.check("init_linear", points=2,
                title="W и b лежат в [−1/√in, 1/√in], и их крайние значения близки к границам (in ≠ out)")
def init_respects_bounds(student, rng):
    """False-reject rate < 1e-12: with n >= 6000 weights P(max < 0.99 a) <= 0.995^6000 < 1e-13; with
    n >= 3000 biases P(max < 0.98 a) <= 0.99^3000 < 1e-13; the same for the minima (8 events)."""
    for n_in, n_out in _sampler_cases(rng):
        call, W, b = _draw(student, n_in, n_out, int(rng.integers(2**31)))
        bound = 1.0 / math.sqrt(n_in)
        for label, values in (("W", W), ("b", b)):
            top = float(np.abs(values).max())
            expect(top <= bound * (1 + 1e-12),
                   f"{call}: |{label}| доходит до {top:.6g}, а граница 1/√in = {bound:.6g}")
        near = [("W", W, 0.99)] + ([("b", b, 0.98)] if n_out >= 3000 else [])
        for label, values, share in near:
            for side, extreme in (("наибольшее", float(values.max())), ("наименьшее", float(values.min()))):
                expect(abs(extreme) >= share * bound,
                       f"{call}: {side} значение {label} = {extreme:.6g}, а среди {values.size} чисел из "
                       f"U(−a, a) оно почти наверняка по модулю не меньше {share}·a = {share * bound:.6g}",
                       f"(a = 1/√in = {bound:.6g}): распределение слишком узкое, сдвинуто или это нули")


@EXERCISE.check("init_linear", points=2,
                title="выборочные среднее и дисперсия W и b согласуются с U(−a, a), a = 1/√in (Бернштейн)")
def init_moments(student, rng):
    """Bernstein bounds for the mean of v (Var = a^2/3, |v| <= a) and of v^2 (Var = 4a^4/45,
    |v^2 - a^2/3| <= 2a^2/3), false-reject rate 1e-7 each: W of both cases, b of the bias-heavy one,
    6 tests, rate <= 6e-7."""
    for n_in, n_out in _sampler_cases(rng):
        call, W, b = _draw(student, n_in, n_out, int(rng.integers(2**31)))
        a = 1.0 / math.sqrt(n_in)
        for label, v in [("W", W)] + ([("b", b)] if n_out >= 3000 else []):
            n, mean = v.size, float(v.mean())
            tol = bernstein_radius(n, a * a / 3, a, DELTA)
            expect(abs(mean) <= tol, f"{call}: среднее {label} = {mean:.4g}, а должно быть 0 ± {tol:.3g} (n = {n})")
            second, target = float(np.mean(v * v)), a * a / 3
            tol = bernstein_radius(n, 4 * a**4 / 45, 2 * a * a / 3, DELTA)
            expect(abs(second - target) <= tol,
                   f"{call}: mean({label}²) = {second:.6g}, а для U(−a, a) это a²/3 = 1/(3·in) = {target:.6g} "
                   f"± {tol:.2g} (отношение {second / target:.3f}, n = {n})")


@EXERCISE.check("init_linear", points=1,
                title="тот же seed — те же параметры, другой — другие; bias=False даёт None; слой 1×1")
def init_reproducible(student, rng):
    seed = int(rng.integers(2**31))
    call, W, b = _draw(student, 7, 5, seed)
    _, W2, b2 = _draw(student, 7, 5, seed)
    expect(np.array_equal(W, W2) and np.array_equal(b, b2),
           f"{call}: два генератора с одним seed = {seed} дали разные параметры: берите числа только из rng")
    _, W3, _ = _draw(student, 7, 5, seed + 1)
    expect(not np.array_equal(W, W3), f"{call}: seed {seed} и {seed + 1} дали одинаковые W: rng не используется")
    _draw(student, 6, 4, seed, bias=False)
    call, W, b = _draw(student, 1, 1, seed)
    expect(abs(float(W[0, 0])) <= 1.0 and abs(float(b[0])) <= 1.0, f"{call}: при in = 1 граница равна 1")
