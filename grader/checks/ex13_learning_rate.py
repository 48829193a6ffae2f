"""Checks of exercise 13: learning-rate schedules and gradient descent on a quadratic, in NumPy.

Oracles, computed at grade time in float64: the real torch schedulers (``StepLR``,
``CosineAnnealingLR``, ``LinearLR`` + ``SequentialLR``) stepped once per epoch after an
``SGD`` step; ``torch.linalg.eigvalsh``/``eigh`` for the spectrum of the quadratic; and
``torch.optim.SGD`` with autograd on f(w) = 1/2 w^T A w for the trajectory.
"""

import warnings

import numpy as np

from grader import oracles
from grader.compare import Mismatch, expect, expect_array, expect_scalar
from grader.exercise import Exercise
from grader.strategies import gaussian

# -- oracles ------------------------------------------------------------------------------


def torch_schedule(kind, base_lr, epochs, **options):
    """The lr of every epoch under a real torch scheduler, stepped after optimizer.step()."""
    import torch
    from torch.optim import lr_scheduler as S

    param = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=base_lr)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if kind == "step":
            scheduler = S.StepLR(optimizer, step_size=options["step_size"], gamma=options["gamma"])
        elif options["warmup_epochs"] == 0:
            scheduler = S.CosineAnnealingLR(optimizer, T_max=epochs, eta_min=options["eta_min"])
        else:
            w = options["warmup_epochs"]
            warm = S.LinearLR(optimizer, start_factor=options["start_factor"], end_factor=1.0, total_iters=w)
            cosine = S.CosineAnnealingLR(optimizer, T_max=epochs - w, eta_min=options["eta_min"])
            scheduler = S.SequentialLR(optimizer, [warm, cosine], milestones=[w])
        rates = []
        for _ in range(epochs):
            rates.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            scheduler.step()
    return np.array(rates, dtype=np.float64)


def lambda_max(A):
    import torch

    return float(torch.linalg.eigvalsh(oracles.tensor(A))[-1])


def sgd_trajectory(A, w0, lr, steps):
    """torch.optim.SGD on f(w) = 1/2 w^T A w, gradients by autograd."""
    import torch

    w = oracles.tensor(w0, requires_grad=True)
    matrix = oracles.tensor(A)
    optimizer = torch.optim.SGD([w], lr=lr)
    rows = [w.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        (0.5 * w @ matrix @ w).backward()
        optimizer.step()
        rows.append(w.detach().clone())
    return torch.stack(rows).numpy()


def eigen_trajectory(A, w0, lr, steps):
    """Closed form: w_k = V diag((1 - lr*lam)^k) V^T w0, from torch.linalg.eigh."""
    import torch

    lam, V = torch.linalg.eigh(oracles.tensor(A))
    coords = V.T @ oracles.tensor(w0)
    k = torch.arange(steps + 1, dtype=torch.float64)[:, None]
    return ((1 - lr * lam) ** k * coords @ V.T).numpy()


def spd_matrix(rng, d, low=0.2, high=20.0):
    """A random symmetric positive definite (d, d) matrix with eigenvalues in [low, high]."""
    q, _ = np.linalg.qr(gaussian(rng, d, d))
    lam = np.exp(rng.uniform(np.log(low), np.log(high), size=d))
    lam[rng.integers(d)] = high * rng.uniform(0.8, 1.0)  # a clear largest eigenvalue
    A = q @ np.diag(lam) @ q.T
    return (A + A.T) / 2


# -- probes: inputs that tell the catalogued mistakes apart -----------------------------


def _step_probes(rng):
    return [(0.5, 3, 0.1, 10), (1.0, 1, 0.5, 4)]


def _cosine_probes(rng):
    return [(0.1, 12, 3, 0.25, 0.01), (1.0, 6, 0, 0.5, 0.2)]


def _critical_probes(rng):
    return [(spd_matrix(rng, 4),), (np.array([[2.0, 1.0], [1.0, 2.0]]),)]


def _gd_probes(rng):
    return [(spd_matrix(rng, 3), gaussian(rng, 3), 0.05, 4)]


EXERCISE = Exercise(
    id="ex13_learning_rate",
    topic=13,
    framework="numpy",
    part_names=["step_lr", "warmup_cosine", "critical_learning_rate", "gd_quadratic"],
    probes={"step_lr": _step_probes, "warmup_cosine": _cosine_probes,
            "critical_learning_rate": _critical_probes, "gd_quadratic": _gd_probes},
)

SCHEDULE_TOL = {"rtol": 1e-9, "atol": 1e-15}  # torch updates recursively: rounding accumulates


def _expect_step(student, base_lr, step_size, gamma, epochs):
    expected = torch_schedule("step", base_lr, epochs, step_size=step_size, gamma=gamma)
    expect_array(student.step_lr(base_lr, step_size, gamma, epochs), expected,
                 name="step_lr(...)", **SCHEDULE_TOL)


def _expect_cosine(student, base_lr, epochs, warmup_epochs, start_factor, eta_min):
    expected = torch_schedule("cosine", base_lr, epochs, warmup_epochs=warmup_epochs,
                              start_factor=start_factor, eta_min=eta_min)
    expect_array(student.warmup_cosine(base_lr, epochs, warmup_epochs, start_factor, eta_min), expected,
                 name="warmup_cosine(...)", **SCHEDULE_TOL)


# -- 13.1 step_lr ---------------------------------------------------------------------------


@EXERCISE.check("step_lr", points=3,
                title="совпадает с StepLR из torch (шаг планировщика в конце эпохи), допуск 1e-9")
def step_matches_torch(student, rng):
    for _ in range(5):
        base_lr = float(np.exp(rng.uniform(np.log(1e-3), 0.0)))
        step_size, epochs = int(rng.integers(2, 7)), int(rng.integers(8, 30))
        _expect_step(student, base_lr, step_size, float(rng.uniform(0.1, 0.9)), epochs)


@EXERCISE.check("step_lr", points=1,
                title="крайние случаи: одна эпоха, step_size=1, step_size больше числа эпох, gamma=1")
def step_edge_cases(student, rng):
    gamma = float(rng.uniform(0.2, 0.8))
    for args in [(0.1, 3, gamma, 1), (0.3, 1, gamma, 7), (0.05, 50, gamma, 12), (0.2, 2, 1.0, 9)]:
        _expect_step(student, *args)


# -- 13.2 warmup_cosine -----------------------------------------------------------------


@EXERCISE.check("warmup_cosine", points=2,
                title="без разогрева совпадает с CosineAnnealingLR(T_max=epochs, eta_min), допуск 1e-9")
def cosine_matches_torch(student, rng):
    for eta_min_share in (0.0, float(rng.uniform(0.05, 0.5))):
        base_lr, epochs = float(rng.uniform(0.01, 1.0)), int(rng.integers(5, 40))
        _expect_cosine(student, base_lr, epochs, 0, 0.5, eta_min_share * base_lr)


@EXERCISE.check("warmup_cosine", points=2,
                title="с разогревом совпадает с SequentialLR(LinearLR, CosineAnnealingLR), допуск 1e-9")
def warmup_matches_torch(student, rng):
    for _ in range(3):
        base_lr, epochs = float(rng.uniform(0.01, 1.0)), int(rng.integers(8, 40))
        warmup = int(rng.integers(1, epochs // 2))
        _expect_cosine(student, base_lr, epochs, warmup, float(rng.uniform(0.01, 0.5)),
                       float(rng.uniform(0.0, 0.3)) * base_lr)


@EXERCISE.check("warmup_cosine", points=1,
                title="крайние случаи: одна эпоха, разогрев на все эпохи кроме последней, start_factor=1")
def cosine_edge_cases(student, rng):
    base_lr = float(rng.uniform(0.05, 0.5))
    for args in [(base_lr, 1, 0, 0.5, 0.0), (base_lr, 6, 5, 0.2, 0.01), (base_lr, 9, 2, 1.0, 0.0),
                 (base_lr, 2, 1, 0.1, 0.001)]:
        _expect_cosine(student, *args)


# -- 13.3 critical_learning_rate --------------------------------------------------------


@EXERCISE.check("critical_learning_rate", points=2,
                title="равна 2/λ_max (λ по torch.linalg.eigvalsh) для случайных SPD-матриц 1×1…6×6, допуск 1e-10")
def critical_matches_eigenvalues(student, rng):
    for d in (1, 2, 3, 6):
        A = spd_matrix(rng, d, high=float(rng.uniform(2.0, 50.0)))
        expect_scalar(student.critical_learning_rate(A), 2.0 / lambda_max(A),
                      name="critical_learning_rate(A)", rtol=1e-10)


@EXERCISE.check("critical_learning_rate", points=2,
                title="градиентный спуск с 0.98·ответа сходится, а с 1.02·ответа расходится (400 шагов)")
def critical_separates_behaviour(student, rng):
    A = spd_matrix(rng, 5, high=float(rng.uniform(2.0, 20.0)))
    w0 = gaussian(rng, 5)
    lr = student.critical_learning_rate(A)
    expect(isinstance(lr, (float, np.floating)) and np.isfinite(lr) and lr > 0,
           f"critical_learning_rate(A): ожидалось положительное конечное число float, получено {lr!r}"[:300])
    for factor, should_diverge in ((0.98, False), (1.02, True)):
        path = eigen_trajectory(A, w0, factor * float(lr), 400)
        with np.errstate(all="ignore"):
            growth = float(np.linalg.norm(path[-1]) / np.linalg.norm(w0))
        shown = f"{growth:.3g}" if np.isfinite(growth) else "переполнение (inf/NaN)"
        if should_diverge and not growth >= 1e3:
            raise Mismatch(f"при lr = 1.02 · {float(lr):.6g} спуск не расходится: ‖w_400‖/‖w_0‖ = {shown}",
                           f"значит, критическое значение больше вашего; верное 2/λ_max = {2.0 / lambda_max(A):.6g}")
        if not should_diverge and not growth <= 1.0 + 1e-9:  # NaN/inf counts as divergence
            raise Mismatch(f"при lr = 0.98 · {float(lr):.6g} спуск уже расходится: ‖w_400‖/‖w_0‖ = {shown}",
                           f"значит, критическое значение меньше вашего; верное 2/λ_max = {2.0 / lambda_max(A):.6g}")


@EXERCISE.check("critical_learning_rate", points=1,
                title="недиагональная матрица: наибольшее собственное число больше наибольшего элемента диагонали")
def critical_off_diagonal(student, rng):
    a, b = float(rng.uniform(1.0, 3.0)), float(rng.uniform(0.5, 1.0))
    A = np.array([[a, b, 0.0], [b, a, b], [0.0, b, a]])  # eigenvalues a - √2·b, a, a + √2·b
    expect_scalar(student.critical_learning_rate(A), 2.0 / lambda_max(A),
                  name="critical_learning_rate(A)", rtol=1e-10)


# -- 13.4 gd_quadratic ------------------------------------------------------------------


@EXERCISE.check("gd_quadratic", points=2,
                title="совпадает с torch.optim.SGD на f(w) = ½wᵀAw (градиент через autograd), допуск 1e-9")
def gd_matches_sgd(student, rng):
    for d, steps in ((4, 12), (2, 30)):
        A, w0 = spd_matrix(rng, d), gaussian(rng, d)
        lr = float(rng.uniform(0.2, 0.9)) * 2.0 / lambda_max(A)
        expect_array(student.gd_quadratic(A, w0, lr, steps), sgd_trajectory(A, w0, lr, steps),
                     name="gd_quadratic(...)", rtol=1e-9, atol=1e-12)


@EXERCISE.check("gd_quadratic", points=2,
                title="совпадает с решением через собственные векторы при lr = 0.99 и 1.01 от 2/λ_max (200 шагов)")
def gd_matches_eigen_closed_form(student, rng):
    A, w0 = spd_matrix(rng, 3), gaussian(rng, 3)
    for factor in (0.99, 1.01):
        lr = factor * 2.0 / lambda_max(A)
        expected = eigen_trajectory(A, w0, lr, 200)
        expect_array(student.gd_quadratic(A, w0, lr, 200), expected,
                     name=f"gd_quadratic(A, w0, {factor}·2/λ_max, 200)",
                     rtol=1e-7, atol=1e-10 * float(np.abs(expected).max()))


@EXERCISE.check("gd_quadratic", points=1,
                title="крайние случаи: steps=0 (только w0), размерность 1, lr=0")
def gd_edge_cases(student, rng):
    A, w0 = spd_matrix(rng, 3), gaussian(rng, 3)
    expect_array(student.gd_quadratic(A, w0, 0.1, 0), w0[None, :], name="gd_quadratic(A, w0, 0.1, 0)")
    a, w = float(rng.uniform(0.5, 4.0)), float(rng.normal())
    lr = 0.3
    expected = (w * (1 - lr * a) ** np.arange(6))[:, None]
    expect_array(student.gd_quadratic(np.array([[a]]), np.array([w]), lr, 5), expected,
                 name="gd_quadratic для d = 1", rtol=1e-12)
    expect_array(student.gd_quadratic(A, w0, 0.0, 3), np.tile(w0, (4, 1)), name="gd_quadratic(A, w0, 0.0, 3)")
