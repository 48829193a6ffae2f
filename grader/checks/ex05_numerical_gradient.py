"""Checks of exercise 5: the central-difference gradient and the relative error of a gradient check.

Oracles: torch autograd in float64 on the same functions (rebuilt from
``grader.drivers.ex05_functions.parameters``), central differences computed here, and the
relative-error formula evaluated here. Inputs are frozen (read-only) here as in the worker,
so the mistake matcher replays in-place writes the same way.
"""

import numpy as np
from hypothesis import given
from hypothesis.extra import numpy as nps

from grader.compare import Mismatch, expect, expect_array, expect_scalar
from grader.drivers import ex05_functions as functions
from grader.exercise import Exercise
from grader.strategies import arrays, gaussian, read_only
from grader.student import StudentError
from grader.wire import Defined, Helper

EXERCISE = Exercise(
    id="ex05_numerical_gradient",
    topic=5,
    framework="numpy",
    part_names=["numerical_gradient", "gradient_check"],
    drivers="ex05_functions",
)

# Central differences with eps = 1e-6: truncation ~ eps²·f''' ≈ 1e-12, rounding ~ 1e-16·|f|/eps ≈ 1e-10·|f|.
FD_RTOL, FD_ATOL = 1e-6, 1e-7


def _helper(name, seed, shape):
    """The trusted f as the student receives it."""
    if name in ("quadratic", "mlp_loss"):
        return Helper(name, (int(seed), tuple(int(s) for s in shape)))
    return Helper(name, (tuple(int(s) for s in shape),))


def _autograd(name, seed, x):
    """The exact gradient of function ``name`` at ``x`` (torch float64 autograd)."""
    import torch

    t = torch.tensor(np.array(x), dtype=torch.float64, requires_grad=True)
    p = {k: torch.tensor(v, dtype=torch.float64) for k, v in functions.parameters(name, seed, x.shape).items()}
    if name == "quadratic":
        v = t.reshape(-1)
        value = 0.5 * v @ p["A"] @ v + p["b"] @ v
    elif name == "sin_poly":
        value = (torch.sin(t) * t ** 2).sum()
    elif name == "logsumexp":
        value = torch.logsumexp(t.reshape(-1), dim=0)
    elif name == "mlp_loss":
        value = ((torch.tanh(p["X"] @ t.T) @ p["v"] - p["y"]) ** 2).mean()
    else:
        raise KeyError(name)
    value.backward()
    return t.grad.numpy()


def _central(f, x, eps):
    """Central differences computed here, element by element, with the same step."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        plus, minus = np.array(x), np.array(x)
        plus[index] += eps
        minus[index] -= eps
        grad[index] = (f(plus) - f(minus)) / (2 * eps)
    return grad


def _relative_error(a, n):
    scale = np.linalg.norm(a) + np.linalg.norm(n)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - n) / scale)


# -- 5.1 numerical_gradient ---------------------------------------------------------------


@EXERCISE.check("numerical_gradient", points=3,
                title="совпадает с autograd на Σsin(x)·x², log-sum-exp и потере MLP "
                      "(формы (1,), (5,), (3, 4), (2, 3, 2); допуск rtol=1e-6, atol=1e-7)")
def matches_autograd(student, rng):
    seed = int(rng.integers(2**31))
    cases = [("sin_poly", (1,)), ("logsumexp", (5,)), ("mlp_loss", (3, 4)), ("sin_poly", (2, 3, 2)),
             ("logsumexp", (4, 3)), ("mlp_loss", (int(rng.integers(1, 4)), int(rng.integers(2, 5))))]
    for name, shape in cases:
        x = read_only(gaussian(rng, *shape, scale=1.5))
        expect_array(student.numerical_gradient(_helper(name, seed, shape), x), _autograd(name, seed, x),
                     name=f"градиент {name} в точке формы {shape}", rtol=FD_RTOL, atol=FD_ATOL)


@EXERCISE.check("numerical_gradient", points=2,
                title="квадратичная форма с кривизной 50–200: ответ точен до округления "
                      "(разность вперёд дала бы ошибку eps·λ/2 ≈ 5e-5; допуск rtol=1e-8, atol=1e-6)")
def exact_on_quadratic(student, rng):
    seed = int(rng.integers(2**31))
    for shape in [(6,), (2, 3)]:
        x = read_only(gaussian(rng, *shape))
        expect_array(student.numerical_gradient(_helper("quadratic", seed, shape), x),
                     _autograd("quadratic", seed, x), name=f"градиент квадратичной формы в точке формы {shape}",
                     rtol=1e-8, atol=1e-6)


@EXERCISE.check("numerical_gradient", points=1,
                title="шаг eps берётся из аргумента: при eps=0.01 и 0.1 ответ — центральная разность с этим шагом")
def honours_eps(student, rng):
    for eps, shape in [(0.01, (3, 2)), (0.1, (4,))]:
        x = read_only(gaussian(rng, *shape))
        expected = _central(functions.sin_poly(shape), x, eps)
        expect_array(student.numerical_gradient(_helper("sin_poly", 0, shape), x, eps=eps), expected,
                     name=f"градиент Σsin(x)·x² с eps={eps}", rtol=1e-8, atol=1e-10)


@EXERCISE.check("numerical_gradient", points=2,
                title="f вызывается ровно 2·x.size раз, в точках x ± eps·e_i той же формы, что x")
def evaluates_at_the_right_points(student, rng):
    shape = (int(rng.integers(2, 4)), int(rng.integers(2, 4)))
    eps = 1e-3
    x = read_only(gaussian(rng, *shape))
    traced = student.drive("traced_gradient", Defined("numerical_gradient"), _helper("sin_poly", 0, shape), x, eps)
    calls, points = traced["calls"], np.asarray(traced["points"])
    expect(calls == 2 * x.size,
           f"f вызвана {calls} раз, а центральной разности нужно ровно 2·x.size = {2 * x.size} "
           f"(по два вычисления на каждый из {x.size} элементов)")
    flat = x.reshape(-1)
    wanted = {(i, s) for i in range(x.size) for s in (+1, -1)}
    for call, point in enumerate(points):
        moved = np.flatnonzero(point != flat)
        expect(len(moved) == 1,
               f"вызов f № {call + 1}: точка отличается от x в {len(moved)} элементах "
               f"(номера в плоском порядке: {moved[:6].tolist()}), а должна — ровно в одном",
               "каждый сдвинутый элемент нужно вернуть на место, прежде чем сдвигать следующий")
        i = int(moved[0])
        step = point[i] - flat[i]
        expect(np.isclose(abs(step), eps, rtol=1e-6),
               f"вызов f № {call + 1}: элемент {i} сдвинут на {step:.6g}, а шаг должен быть ±eps = ±{eps:g}")
        wanted.discard((i, int(np.sign(step))))
    expect(not wanted, f"f ни разу не вызвана в точках x ± eps·e_i для (элемент, знак): {sorted(wanted)[:6]}")


@EXERCISE.check("numerical_gradient", points=1,
                title="свойство: совпадает с autograd для log-sum-exp на массивах ранга 1–3 (Hypothesis)",
                examples=10)
@given(x=arrays(nps.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=3), bound=5.0))
def property_logsumexp(student, x):
    x = read_only(x)
    expect_array(student.numerical_gradient(_helper("logsumexp", 0, x.shape), x), _autograd("logsumexp", 0, x),
                 name=f"градиент log-sum-exp в точке формы {x.shape}", rtol=FD_RTOL, atol=FD_ATOL)


# -- 5.2 gradient_check ---------------------------------------------------------------------


@EXERCISE.check("gradient_check", points=2,
                title="совпадает с ‖a−n‖/(‖a‖+‖n‖) на случайных парах разных форм (допуск 1e-10)")
def matches_formula(student, rng):
    for shape in [(1,), (7,), (3, 4), (2, 2, 3)]:
        a = read_only(gaussian(rng, *shape))
        n = read_only(a + gaussian(rng, *shape, scale=float(10.0 ** rng.uniform(-8, 0))))
        expect_scalar(student.gradient_check(a, n), _relative_error(a, n),
                      name=f"относительная ошибка для массивов формы {shape}")


@EXERCISE.check("gradient_check", points=2,
                title="крайние случаи: оба нуля → 0 (не NaN), ноль и не ноль → 1, n = −a → 1, a = n → 0")
def edge_cases(student, rng):
    a = read_only(gaussian(rng, 2, 3))
    zeros = read_only(np.zeros((2, 3)))
    cases = [(zeros, zeros, 0.0, "оба массива нулевые"), (a, zeros, 1.0, "numeric = 0"),
             (zeros, a, 1.0, "analytic = 0"), (a, read_only(-a), 1.0, "numeric = −analytic"),
             (a, a, 0.0, "массивы совпадают")]
    for analytic, numeric, expected, label in cases:
        expect_scalar(student.gradient_check(analytic, numeric), expected, name=f"ошибка ({label})")


@EXERCISE.check("gradient_check", points=1,
                title="инвариантна к масштабу: умножение обоих массивов на 1e-80…1e80 ответ не меняет")
def scale_invariant(student, rng):
    a = read_only(gaussian(rng, 5))
    n = read_only(a + gaussian(rng, 5, scale=1e-3))
    expected = _relative_error(a, n)
    for scale in (1e-80, 1e-3, 1e4, 1e80):
        expect_scalar(student.gradient_check(read_only(a * scale), read_only(n * scale)), expected,
                      name=f"ошибка после умножения обоих массивов на {scale:g}", rtol=1e-9)


@EXERCISE.check("gradient_check", points=1,
                title="массивы разных форм ((6,) и (6, 1)) — ValueError, без молчаливого broadcasting")
def rejects_different_shapes(student, rng):
    a = read_only(gaussian(rng, 6))
    for numeric in (read_only(a.reshape(6, 1)), read_only(gaussian(rng, 2, 3))):
        try:
            got = student.gradient_check(a, numeric)
        except StudentError as e:
            expect(e.type_name == "ValueError",
                   f"при формах {a.shape} и {numeric.shape} выброшено {e.type_name}, а нужно ValueError")
            continue
        raise Mismatch(f"при формах {a.shape} и {numeric.shape} функция вернула {got!r} вместо ValueError",
                       "разность массивов (6,) и (6, 1) NumPy молча превращает в матрицу (6, 6)")
