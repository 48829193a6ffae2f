"""Checks of exercise 14: inverted dropout, SGD weight decay and ridge regression, in NumPy.

Oracles, computed at grade time in float64: the exact properties of inverted dropout
(every output is 0 or x/(1-p) and agrees with the mask), Hoeffding bounds for its
statistics, autograd through ``torch.nn.functional.dropout`` for the backward pass,
``torch.optim.SGD(weight_decay=...)`` and autograd of the penalised loss for the step,
and ``torch.linalg.solve``/``lstsq`` plus autograd for ridge regression.
"""


import numpy as np

from grader import oracles
from grader.bounds import hoeffding_radius
from grader.compare import Mismatch, expect, expect_array, expect_scalar, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian, seed_from
from grader.wire import Rng

# -- helpers and oracles ------------------------------------------------------------------


def _mask_array(mask, shape, name="mask"):
    """The student's mask as float64 0/1: bool or float64 of x's shape, entries 0 or 1."""
    expect(isinstance(mask, np.ndarray),
           f"{name}: ожидался numpy.ndarray формы {shape}, получено {type(mask).__name__}")
    expect(mask.shape == shape, f"{name}: форма {mask.shape}, а ожидалась {shape} (как у x)")
    expect(mask.dtype in (np.bool_, np.float64), f"{name}: тип элементов {mask.dtype}, а нужен bool или float64")
    values = mask.astype(np.float64)
    bad = ~np.isin(values, (0.0, 1.0))
    if bad.any():
        raise Mismatch(f"{name}: {int(bad.sum())} из {mask.size} элементов не равны ни 0, ни 1 "
                       f"(например, {values[bad][0]:.6g}); маска отмечает 1 сохранённые элементы, "
                       f"масштаб 1/(1−p) в неё не входит")
    return values


def _forward(student, x, p, seed, training=True):
    out, mask = expect_tuple(student.dropout_forward(x, p, Rng(seed), training), ("out", "mask"),
                             name="dropout_forward(...)")
    expect(isinstance(out, np.ndarray), f"out: ожидался numpy.ndarray, получено {type(out).__name__}")
    return out, _mask_array(mask, x.shape)


def _expect_inverted(out, x, mask, p):
    """Exact property: out = x * mask / (1 - p) elementwise (zeros where p = 1)."""
    scale = 0.0 if p >= 1.0 else 1.0 / (1.0 - p)
    expect_array(out, x * mask * scale, name="out (ожидалось x·mask/(1−p))", rtol=1e-12, atol=1e-15)


def torch_dropout_and_grad(x, grad_out, p, seed):
    """A real F.dropout in training mode: its output and the autograd gradient of <out, grad_out>."""
    import torch
    import torch.nn.functional as F

    torch.manual_seed(seed)
    xt = oracles.tensor(x, requires_grad=True)
    out = F.dropout(xt, p=p, training=True)
    (out * oracles.tensor(grad_out)).sum().backward()
    return out.detach().numpy(), xt.grad.numpy()


def torch_sgd_step(w, grad, lr, weight_decay):
    import torch

    param = oracles.tensor(w, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=lr, weight_decay=weight_decay)
    param.grad = oracles.tensor(grad)
    optimizer.step()
    return param.detach().numpy()


def ridge_oracle(X, y, lam):
    """torch.linalg.solve on the normal equations of [X, 1] with the penalty diag(lam, ..., lam, 0)."""
    import torch

    Z = torch.cat([oracles.tensor(X), torch.ones(X.shape[0], 1, dtype=torch.float64)], dim=1)
    penalty = torch.diag(torch.tensor([lam] * X.shape[1] + [0.0], dtype=torch.float64))
    theta = torch.linalg.solve(Z.T @ Z + penalty, Z.T @ oracles.tensor(y))
    return theta[:-1].numpy(), float(theta[-1])


def ridge_gradient(X, y, lam, w, b):
    """Autograd of sum (y - Xw - b)^2 + lam ||w||^2 at the student's (w, b)."""
    wt, bt = oracles.tensor(w, requires_grad=True), oracles.tensor(np.asarray(b, dtype=np.float64), requires_grad=True)
    residual = oracles.tensor(y) - oracles.tensor(X) @ wt - bt
    ((residual ** 2).sum() + lam * (wt ** 2).sum()).backward()
    return wt.grad.numpy(), float(bt.grad)


def _expect_ridge(student, X, y, lam, **tolerance):
    w, b = expect_tuple(student.ridge(X, y, lam), ("w", "b"), name="ridge(X, y, lam)")
    w_ref, b_ref = ridge_oracle(X, y, lam)
    expect_array(w, w_ref, name="w", **tolerance)
    expect_scalar(b, b_ref, name="b", **tolerance)
    return w, b


# -- probes: inputs that tell the catalogued mistakes apart -----------------------------


def _forward_probes(rng):
    x = gaussian(rng, 6, 5)
    return [(x, 0.3, Rng(11), True), (x, 0.3, Rng(12), False), (x, 1.0, Rng(13), True)]


def _backward_probes(rng):
    mask = (rng.random((4, 5)) >= 0.3).astype(np.float64)
    return [(gaussian(rng, 4, 5), mask, 0.3), (gaussian(rng, 4, 5), mask, 0.6)]


def _decay_probes(rng):
    return [(gaussian(rng, 3, 2), gaussian(rng, 3, 2), 0.1, 0.01), (gaussian(rng, 4), np.zeros(4), 0.5, 0.2)]


def _ridge_probes(rng):
    X = gaussian(rng, 12, 3) + 2.0
    return [(X, gaussian(rng, 12) + 5.0, 0.7), (X, gaussian(rng, 12), 3.0)]


EXERCISE = Exercise(
    id="ex14_regularization",
    topic=14,
    framework="numpy",
    part_names=["dropout_forward", "dropout_backward", "sgd_weight_decay_step", "ridge"],
    probes={"dropout_forward": _forward_probes, "dropout_backward": _backward_probes,
            "sgd_weight_decay_step": _decay_probes, "ridge": _ridge_probes},
)


# -- 14.1 dropout_forward ---------------------------------------------------------------


@EXERCISE.check("dropout_forward", points=2,
                title="каждый выход равен 0 или x/(1−p) и согласован с маской (формы 1×n, B×n, 3-D), допуск 1e-12")
def forward_exact_properties(student, rng):
    for shape in ((1, 7), (6, 5), (2, 3, 4)):
        x, p = gaussian(rng, *shape), float(rng.uniform(0.1, 0.4))
        out, mask = _forward(student, x, p, seed_from(rng))
        _expect_inverted(out, x, mask, p)


@EXERCISE.check("dropout_forward", points=2,
                title="доля обнулённых ≈ p на 200 000 элементов и среднее по копиям ≈ x (Хёфдинг, ложный отказ ≤ 1e-6)")
def forward_statistics(student, rng):
    """False-reject rate: two-sided Hoeffding bounds, 5e-7 for the drop fraction and 5e-7
    (a union over the 5 columns) for the column means; together at most 1e-6."""
    p = float(rng.uniform(0.15, 0.4))
    x = gaussian(rng, 400, 500)
    x[x == 0.0] = 1.0  # a dropped entry is recognised by out == 0
    out, _ = _forward(student, x, p, seed_from(rng))
    dropped = float(np.mean(out == 0.0))
    radius = hoeffding_radius(x.size, 5e-7)
    if abs(dropped - p) > radius:
        raise Mismatch(f"обнулено {dropped:.4f} элементов, а при p = {p:.4f} доля должна быть в пределах "
                       f"±{radius:.4f} от p", "p — вероятность ВЫБРОСИТЬ элемент, как в torch.nn.Dropout(p)")
    row = rng.uniform(0.5, 2.0, size=5) * rng.choice([-1.0, 1.0], size=5)
    copies = 40_000
    out, _ = _forward(student, np.tile(row, (copies, 1)), p, seed_from(rng))
    # each entry of out lies in an interval of length |x|/(1-p): Hoeffding on the column mean
    radius = hoeffding_radius(copies, 5e-7 / 5) * np.abs(row) / (1.0 - p)
    means = out.mean(axis=0)
    worst = int(np.argmax(np.abs(means - row) / radius))
    if abs(means[worst] - row[worst]) > radius[worst]:
        raise Mismatch(f"среднее out по {copies} копиям x равно {means[worst]:.5g}, а должно быть близко к "
                       f"x = {row[worst]:.5g} (допуск ±{radius[worst]:.3g})",
                       "обратный dropout сохраняет математическое ожидание: E[out] = x")


@EXERCISE.check("dropout_forward", points=1,
                title="маски независимы по строкам и столбцам; один seed даёт ту же маску, другой — другую")
def forward_independent_and_reproducible(student, rng):
    """False-reject rate: with p = 0.5 two given rows of 48 entries coincide with probability 2^-48,
    so all 64 rows (or all 48 columns) coinciding, or two seeds giving one mask, is below 1e-6."""
    x, seed = gaussian(rng, 64, 48), seed_from(rng)
    out, mask = _forward(student, x, 0.5, seed)
    expect(len(np.unique(mask, axis=0)) > 1, "у всех строк (примеров батча) одна и та же маска, "
                                             "а каждый элемент должен выбрасываться независимо")
    expect(len(np.unique(mask, axis=1)) > 1, "у всех столбцов одна и та же маска (выброшены целые примеры), "
                                             "а каждый элемент должен выбрасываться независимо")
    again, _ = _forward(student, x, 0.5, seed)
    expect(np.array_equal(again, out), "два вызова с генератором np.random.default_rng(seed) с одним и тем же "
                                       "seed дали разные результаты: берите случайность только из rng")
    other, _ = _forward(student, x, 0.5, seed + 1)
    expect(not np.array_equal(other, out), "генераторы с разными seed дали одинаковый результат")


@EXERCISE.check("dropout_forward", points=2,
                title="режим eval — тождество; p = 0 — тождество; p = 1 — нули без NaN (как в torch)")
def forward_modes_and_extremes(student, rng):
    x, p = gaussian(rng, 3, 4), float(rng.uniform(0.2, 0.8))
    out, mask = _forward(student, x, p, seed_from(rng), training=False)
    expect_array(out, x, name="out в режиме eval", rtol=0.0, atol=0.0)
    expect_array(mask, np.ones(x.shape), name="mask в режиме eval", rtol=0.0, atol=0.0)
    out, mask = _forward(student, x, 0.0, seed_from(rng))
    expect_array(out, x, name="out при p = 0", rtol=0.0, atol=0.0)
    out, mask = _forward(student, x, 1.0, seed_from(rng))
    expect_array(out, np.zeros(x.shape), name="out при p = 1", rtol=0.0, atol=0.0)
    expect_array(mask, np.zeros(x.shape), name="mask при p = 1", rtol=0.0, atol=0.0)


# -- 14.2 dropout_backward --------------------------------------------------------------


@EXERCISE.check("dropout_backward", points=3,
                title="совпадает с autograd через F.dropout из torch с той же маской "
                      "(формы 1×n, B×n, 3-D), допуск 1e-12")
def backward_matches_torch(student, rng):
    for shape in ((1, 6), (5, 4), (2, 3, 3)):
        p = float(rng.uniform(0.1, 0.8))
        x, grad_out = gaussian(rng, *shape), gaussian(rng, *shape)
        out, grad = torch_dropout_and_grad(x, grad_out, p, seed_from(rng))
        mask = (out != 0.0).astype(np.float64)
        expect_array(student.dropout_backward(grad_out, mask, p), grad, name="dropout_backward(...)",
                     rtol=1e-12, atol=1e-15)


@EXERCISE.check("dropout_backward", points=1,
                title="крайние случаи: p = 0 — градиент не меняется, p = 1 — нули без NaN, маска типа bool")
def backward_extremes(student, rng):
    grad_out = gaussian(rng, 3, 5)
    expect_array(student.dropout_backward(grad_out, np.ones((3, 5)), 0.0), grad_out, name="градиент при p = 0")
    expect_array(student.dropout_backward(grad_out, np.zeros((3, 5)), 1.0), np.zeros((3, 5)),
                 name="градиент при p = 1", atol=0.0)
    keep = rng.random((3, 5)) >= 0.25
    expect_array(student.dropout_backward(grad_out, keep, 0.25), grad_out * keep / 0.75,
                 name="градиент при маске типа bool")


# -- 14.3 sgd_weight_decay_step ---------------------------------------------------------


@EXERCISE.check("sgd_weight_decay_step", points=2,
                title="совпадает с шагом torch.optim.SGD(lr, weight_decay) для параметров разных форм, допуск 1e-12")
def decay_matches_torch(student, rng):
    for shape in ((1,), (4, 3), (2, 3, 2)):
        w, grad = gaussian(rng, *shape), gaussian(rng, *shape)
        lr, weight_decay = float(rng.uniform(0.01, 0.5)), float(rng.uniform(0.001, 0.3))
        expect_array(student.sgd_weight_decay_step(w, grad, lr, weight_decay),
                     torch_sgd_step(w, grad, lr, weight_decay), name="новые параметры", rtol=1e-12, atol=1e-15)


@EXERCISE.check("sgd_weight_decay_step", points=2,
                title="равен шагу спуска по L(w) + (λ/2)‖w‖² (градиент через autograd); "
                      "при grad = 0 — сжатие w·(1−lr·λ)")
def decay_is_l2_penalty(student, rng):
    import torch

    M, target, w = gaussian(rng, 6, 4), gaussian(rng, 6), gaussian(rng, 4)
    lr, lam = float(rng.uniform(0.01, 0.2)), float(rng.uniform(0.05, 0.5))
    wt = oracles.tensor(w, requires_grad=True)
    data_loss = 0.5 * ((oracles.tensor(M) @ wt - oracles.tensor(target)) ** 2).sum()
    data_grad, = torch.autograd.grad(data_loss, wt, retain_graph=True)
    (data_loss + lam / 2 * (wt ** 2).sum()).backward()
    expected = w - lr * wt.grad.numpy()
    expect_array(student.sgd_weight_decay_step(w, data_grad.numpy(), lr, lam), expected,
                 name="шаг по L + (λ/2)‖w‖²", rtol=1e-12, atol=1e-15)
    expect_array(student.sgd_weight_decay_step(w, np.zeros(4), lr, lam), w * (1 - lr * lam),
                 name="шаг при нулевом градиенте данных", rtol=1e-12, atol=1e-15)
    expect_array(student.sgd_weight_decay_step(w, data_grad.numpy(), lr, 0.0), w - lr * data_grad.numpy(),
                 name="шаг при weight_decay = 0", rtol=1e-12, atol=1e-15)


# -- 14.4 ridge -----------------------------------------------------------------------------


@EXERCISE.check("ridge", points=3,
                title="совпадает с torch.linalg.solve для нормальных уравнений "
                      "(n > d, n < d, d = 1, n = 1), допуск 1e-8")
def ridge_matches_solve(student, rng):
    for n, d in ((30, 4), (6, 9), (10, 1), (1, 3)):
        X = gaussian(rng, n, d) + rng.normal(0.0, 3.0, size=d)  # columns with non-zero means
        y = gaussian(rng, n) + float(rng.normal(0.0, 5.0))
        _expect_ridge(student, X, y, float(rng.uniform(0.1, 5.0)), rtol=1e-8, atol=1e-10)


@EXERCISE.check("ridge", points=2,
                title="градиент штрафованной потери в ответе равен нулю (autograd), свободный член не штрафуется")
def ridge_gradient_is_zero(student, rng):
    X = gaussian(rng, 20, 3) * rng.uniform(0.5, 3.0, size=3) + rng.normal(0.0, 4.0, size=3)
    y = X @ gaussian(rng, 3) + 7.0 + 0.3 * gaussian(rng, 20)
    lam = float(rng.uniform(0.5, 5.0))
    w, b = expect_tuple(student.ridge(X, y, lam), ("w", "b"), name="ridge(X, y, lam)")
    expect(isinstance(w, np.ndarray) and w.shape == (3,), f"w: ожидался numpy.ndarray формы (3,), получено {w!r}"[:200])
    grad_w, grad_b = ridge_gradient(X, y, lam, np.asarray(w, dtype=np.float64), float(b))
    scale = 1e-8 * (np.abs(X).sum() * np.abs(y).max() + 1.0)
    expect_scalar(grad_b, 0.0, name="∂(потеря)/∂b в вашем ответе", rtol=0.0, atol=scale)
    expect_array(grad_w, np.zeros(3), name="∂(потеря)/∂w в вашем ответе", rtol=0.0, atol=scale)


@EXERCISE.check("ridge", points=1,
                title="λ = 0 даёт МНК со свободным членом (torch.linalg.lstsq); огромное λ даёт w ≈ 0, b ≈ mean(y)")
def ridge_limits(student, rng):
    import torch

    X, y = gaussian(rng, 15, 3) + 1.5, gaussian(rng, 15) + 2.0
    Z = np.hstack([X, np.ones((15, 1))])
    theta = torch.linalg.lstsq(oracles.tensor(Z), oracles.tensor(y)[:, None]).solution[:, 0].numpy()
    w, b = expect_tuple(student.ridge(X, y, 0.0), ("w", "b"), name="ridge(X, y, 0)")
    expect_array(w, theta[:3], name="w при λ = 0", rtol=1e-8, atol=1e-10)
    expect_scalar(b, theta[3], name="b при λ = 0", rtol=1e-8, atol=1e-10)
    w, b = expect_tuple(student.ridge(X, y, 1e12), ("w", "b"), name="ridge(X, y, 1e12)")
    expect_array(w, np.zeros(3), name="w при λ = 1e12", rtol=0.0, atol=1e-9)
    expect_scalar(b, float(y.mean()), name="b при λ = 1e12", rtol=1e-8, atol=1e-9)
