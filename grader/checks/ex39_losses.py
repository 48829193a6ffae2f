"""Checks of exercise 39: cross-entropy, BCE with logits, MSE, Smooth L1 and Huber written with torch ops.

Oracles: the torch.nn.functional losses themselves, in float64 on the CPU, at grade time
(F.cross_entropy with ignore_index and label_smoothing, F.binary_cross_entropy_with_logits
with pos_weight, F.mse_loss, F.smooth_l1_loss, F.huber_loss), autograd of F.cross_entropy
for the gradient, and invariants (pos_weight scales only the positive term, Huber is
delta times Smooth L1). Inputs travel as AsTensor and arrive on the grading device.
"""

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import Mismatch, expect_tensor
from grader.exercise import Exercise
from grader.strategies import arrays, gaussian, logits_and_targets
from grader.wire import AsTensor, Defined, TensorValue

LOSSES = ("cross_entropy", "nll_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits", "mse_loss",
          "smooth_l1_loss", "huber_loss", "l1_loss", "CrossEntropyLoss", "NLLLoss", "BCELoss", "BCEWithLogitsLoss",
          "MSELoss", "SmoothL1Loss", "HuberLoss", "L1Loss")
REDUCTIONS = ("none", "mean", "sum")


# -- oracles --------------------------------------------------------------------------------


def _functional(name, *arrays_, **options):
    """torch.nn.functional.<name> on float64 (or int64) CPU tensors, as a NumPy array."""
    import torch.nn.functional as F

    tensors = [None if a is None else oracles.tensor(a) for a in arrays_]
    return getattr(F, name)(*tensors, **options).numpy()


def _ce_oracle(logits, target, ignore_index, label_smoothing):
    return _functional("cross_entropy", logits, target, ignore_index=ignore_index, label_smoothing=label_smoothing)


def _ce_gradient_oracle(logits, target, ignore_index, label_smoothing):
    import torch.nn.functional as F

    z = oracles.tensor(logits, requires_grad=True)
    F.cross_entropy(z, oracles.tensor(target), ignore_index=ignore_index, label_smoothing=label_smoothing).backward()
    return z.grad.numpy()


def _bce_oracle(logits, target, pos_weight):
    weight = None if pos_weight is None else oracles.tensor(pos_weight)
    return _functional("binary_cross_entropy_with_logits", logits, target, pos_weight=weight)


# -- probes: inputs that tell the catalogued mistakes apart ---------------------------------


def _ce_probes(rng):
    logits = gaussian(rng, 5, 4, scale=3.0)
    target = np.array([0, -100, 3, 1, -100])
    extreme = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 5.0]])
    return [(AsTensor(logits), AsTensor(target), -100, 0.0), (AsTensor(logits), AsTensor(target), -100, 0.3),
            (AsTensor(extreme), AsTensor(np.array([1, 0])), -100, 0.0)]


def _bce_probes(rng):
    logits, target = gaussian(rng, 4, 3, scale=3.0), rng.uniform(0.0, 1.0, size=(4, 3))
    extreme = np.array([[1000.0, -1000.0], [-1000.0, 1000.0]])
    return [(AsTensor(logits), AsTensor(target), AsTensor(np.array([0.5, 2.0, 4.0]))),
            (AsTensor(logits), AsTensor(target), None),
            (AsTensor(extreme), AsTensor(np.array([[0.0, 1.0], [0.0, 1.0]])), None)]


def _regression_probes(param):
    def probes(rng):
        x, y = gaussian(rng, 3, 4, scale=2.0), gaussian(rng, 3, 4)
        extra = (param,) if param is not None else ()
        return [(AsTensor(x), AsTensor(y), *extra, r) for r in REDUCTIONS]
    return probes


EXERCISE = Exercise(
    id="ex39_losses",
    topic=39,
    framework="torch",
    part_names=["cross_entropy", "bce_with_logits", "mse_loss", "smooth_l1_loss", "huber_loss"],
    forbidden_modules=(),
    forbidden_names=LOSSES,
    drivers="ex39_losses",
    probes={"cross_entropy": _ce_probes, "bce_with_logits": _bce_probes, "mse_loss": _regression_probes(None),
            "smooth_l1_loss": _regression_probes(0.5), "huber_loss": _regression_probes(2.0)},
)


# -- 39.1 cross_entropy ---------------------------------------------------------------------


@st.composite
def ce_cases(draw):
    """(logits, target, ignore_index, label_smoothing): some targets replaced by ignore_index."""
    logits, target = draw(logits_and_targets(max_batch=6, max_classes=6, bound=30.0))
    ignore_index = draw(st.sampled_from([-100, -1, 0]))
    ignored = np.array(draw(st.lists(st.booleans(), min_size=len(target), max_size=len(target))))
    if ignored.all():
        ignored[0] = False  # all-ignored batches have their own check
    target = np.where(ignored, ignore_index, target)
    if (target == ignore_index).all():
        target[0] = 1  # ignore_index = 0 may have hit every target
    smoothing = draw(st.sampled_from([0.0, 0.1, 1.0]) | st.floats(0.0, 1.0))
    return logits, target.astype(np.int64), ignore_index, smoothing


def _expect_ce(student, logits, target, ignore_index=-100, label_smoothing=0.0, rtol=1e-10):
    got = student.cross_entropy(AsTensor(logits), AsTensor(target), ignore_index, label_smoothing)
    expect_tensor(got, _ce_oracle(logits, target, ignore_index, label_smoothing), device=student.device,
                  name=f"cross_entropy(..., ignore_index={ignore_index}, label_smoothing={label_smoothing:g})",
                  rtol=rtol)


@EXERCISE.check("cross_entropy", points=2, examples=10,
                title="совпадает с F.cross_entropy: ignore_index (среднее по неигнорируемым) и label_smoothing")
@given(case=ce_cases())
@example(case=(np.array([[2.0, -1.0, 0.5]]), np.array([2]), -100, 0.2))
def ce_matches_torch(student, case):
    _expect_ce(student, *case)


@EXERCISE.check("cross_entropy", points=2, title="конечна и точна при логитах ±1e3 (с label_smoothing и без)")
def ce_is_stable(student, rng):
    extreme = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 5.0], [3.0, 2.0, 1.0]])
    for smoothing in (0.0, 0.2):
        _expect_ce(student, extreme, np.array([1, 0, 2]), -100, smoothing)
    _expect_ce(student, gaussian(rng, 4, 7, scale=1e3), rng.integers(0, 7, size=4), -100, 0.1)


@EXERCISE.check("cross_entropy", points=1,
                title="все цели игнорируются — nan, как в PyTorch (0/0); батч из одного примера")
def ce_all_ignored(student, rng):
    logits = gaussian(rng, 3, 4)
    for smoothing in (0.0, 0.3):
        _expect_ce(student, logits, np.full(3, -100), -100, smoothing)
    _expect_ce(student, logits[:1], np.array([int(rng.integers(0, 4))]), -100, 0.0)


@EXERCISE.check("cross_entropy", points=1,
                title="дифференцируема: градиент по логитам совпадает с autograd, у игнорируемых строк он 0")
def ce_gradient(student, rng):
    logits = gaussian(rng, 5, 4, scale=2.0)
    target = rng.integers(0, 4, size=5)
    target[[1, 3]] = -100
    for smoothing in (0.0, 0.25):
        result = student.drive("cross_entropy_gradient", Defined("cross_entropy"), AsTensor(logits),
                               AsTensor(target), -100, smoothing)
        grad = result.get("grad") if isinstance(result, dict) else None
        if not isinstance(grad, TensorValue):
            raise Mismatch("logits.grad после loss.backward() пуст: потеря не связана с логитами графом "
                           "вычислений (нельзя уходить из torch: .item(), .numpy(), torch.tensor(...) от результата)")
        expect_tensor(grad, _ce_gradient_oracle(logits, target, -100, smoothing), device=student.device,
                      name=f"logits.grad (label_smoothing={smoothing:g})", rtol=1e-9, atol=1e-12)


# -- 39.2 bce_with_logits -------------------------------------------------------------------


@st.composite
def bce_cases(draw):
    """(logits, target, pos_weight or None): shapes (N,) or (N, C), soft labels in [0, 1]."""
    shape = draw(st.sampled_from([(1,), (5,), (1, 3), (4, 3), (2, 5)]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    logits = draw(arrays(shape, bound=40.0))
    target = np.where(rng.random(shape) < 0.5, rng.integers(0, 2, size=shape), rng.random(shape)).astype(np.float64)
    pos_weight = rng.uniform(0.1, 5.0, size=shape[-1:]) if draw(st.booleans()) else None
    return logits, target, pos_weight


def _expect_bce(student, logits, target, pos_weight, name="bce_with_logits(...)"):
    weight = None if pos_weight is None else AsTensor(pos_weight)
    got = student.bce_with_logits(AsTensor(logits), AsTensor(target), weight)
    return expect_tensor(got, _bce_oracle(logits, target, pos_weight), device=student.device, name=name)


@EXERCISE.check("bce_with_logits", points=2, examples=10,
                title="совпадает с F.binary_cross_entropy_with_logits, с pos_weight и без, мягкие метки")
@given(case=bce_cases())
def bce_matches_torch(student, case):
    _expect_bce(student, *case)


@EXERCISE.check("bce_with_logits", points=2, title="конечна и точна при логитах ±1e3 (уверенные ошибки и попадания)")
def bce_is_stable(student, rng):
    logits = np.array([[1000.0, -1000.0, 1000.0, -1000.0]])
    target = np.array([[0.0, 1.0, 1.0, 0.0]])
    _expect_bce(student, logits, target, None)
    _expect_bce(student, logits, target, rng.uniform(0.5, 3.0, size=4))
    _expect_bce(student, gaussian(rng, 3, 2, scale=1e3), rng.random((3, 2)), None)


@EXERCISE.check("bce_with_logits", points=1,
                title="pos_weight умножает только слагаемое положительных меток (проверка на y = 1 и на y = 0)")
def bce_pos_weight_scales_positives(student, rng):
    logits, weight = gaussian(rng, 4, 3, scale=2.0), rng.uniform(1.5, 4.0, size=3)
    ones, zeros = np.ones((4, 3)), np.zeros((4, 3))
    _expect_bce(student, logits, ones, weight, name="bce_with_logits(z, y=1, pos_weight)")
    _expect_bce(student, logits, zeros, weight, name="bce_with_logits(z, y=0, pos_weight)")


# -- 39.3 mse_loss --------------------------------------------------------------------------


def _expect_regression(student, name, x, y, param, reduction, **options):
    extra = () if param is None else (param,)
    got = getattr(student, name)(AsTensor(x), AsTensor(y), *extra, reduction)
    expected = _functional(name, x, y, reduction=reduction, **options)
    text = "" if param is None else f", {param:g}"
    return expect_tensor(got, expected, device=student.device, name=f"{name}(input, target{text}, '{reduction}')")


@EXERCISE.check("mse_loss", points=2,
                title="совпадает с F.mse_loss при reduction = 'none', 'mean', 'sum' (форма 2×3×4)")
def mse_matches_torch(student, rng):
    x, y = gaussian(rng, 2, 3, 4, scale=3.0), gaussian(rng, 2, 3, 4)
    for reduction in REDUCTIONS:
        _expect_regression(student, "mse_loss", x, y, None, reduction)


@EXERCISE.check("mse_loss", points=1, title="'mean' делит на число элементов, а не на размер батча; батч из одного")
def mse_mean_over_elements(student, rng):
    for shape in [(1, 5), (4, 1), (3, 2)]:
        x, y = gaussian(rng, *shape), gaussian(rng, *shape)
        for reduction in REDUCTIONS:
            _expect_regression(student, "mse_loss", x, y, None, reduction)


# -- 39.4 smooth_l1_loss --------------------------------------------------------------------


@st.composite
def regression_cases(draw, smallest):
    shape = draw(st.sampled_from([(5,), (1, 4), (3, 4), (2, 3, 2)]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    param = draw(st.sampled_from([0.5, 2.0]) | st.floats(smallest, 3.0))
    return gaussian(rng, *shape, scale=2.0), gaussian(rng, *shape), param, draw(st.sampled_from(REDUCTIONS))


@EXERCISE.check("smooth_l1_loss", points=2, examples=10,
                title="совпадает с F.smooth_l1_loss при разных beta и reduction")
@given(case=regression_cases(smallest=0.05))
def smooth_l1_matches_torch(student, case):
    x, y, beta, reduction = case
    _expect_regression(student, "smooth_l1_loss", x, y, beta, reduction, beta=beta)


@EXERCISE.check("smooth_l1_loss", points=1,
                title="beta = 0 — это L1 (без деления на ноль); разности ровно ±beta и очень большие")
def smooth_l1_edges(student, rng):
    y = rng.integers(-3, 4, size=6).astype(np.float64)  # integers: x - y below is exact
    x = y + np.array([0.75, -0.75, 1e3, -1e3, 0.125, 0.0])
    for beta in (0.0, 0.75):
        for reduction in REDUCTIONS:
            _expect_regression(student, "smooth_l1_loss", x, y, beta, reduction, beta=beta)


# -- 39.5 huber_loss ------------------------------------------------------------------------


@EXERCISE.check("huber_loss", points=2, examples=10, title="совпадает с F.huber_loss при разных delta и reduction")
@given(case=regression_cases(smallest=0.05))
def huber_matches_torch(student, case):
    x, y, delta, reduction = case
    _expect_regression(student, "huber_loss", x, y, delta, reduction, delta=delta)


@EXERCISE.check("huber_loss", points=1,
                title="huber(delta) = delta · smooth_l1(beta = delta); при delta = 1 они совпадают")
def huber_is_scaled_smooth_l1(student, rng):
    x, y = gaussian(rng, 3, 5, scale=3.0), gaussian(rng, 3, 5)
    delta = float(rng.uniform(1.5, 3.0))
    got = student.huber_loss(AsTensor(x), AsTensor(y), delta, "none")
    expected = delta * _functional("smooth_l1_loss", x, y, reduction="none", beta=delta)
    expect_tensor(got, expected, device=student.device, name=f"huber_loss(input, target, {delta:.4g}, 'none')")
    _expect_regression(student, "huber_loss", x, y, 1.0, "mean", delta=1.0)
