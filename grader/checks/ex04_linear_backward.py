"""Checks of exercise 4: linear layer backward and a finite-difference Jacobian, against torch autograd."""

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import expect_array, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian, read_only
from grader.wire import Helper

# Central differences with h = 1e-6 on functions with O(1) derivatives are accurate to about
# 1e-10 (rounding ~1e-16/h, truncation ~h^2); a forward difference is off by ~h/2 * f'' ~ 1e-7.
FD_RTOL, FD_ATOL = 1e-7, 1e-8


def _layer(rng, batch, n_in, n_out):
    return read_only(gaussian(rng, batch, n_in), gaussian(rng, n_out, n_in), gaussian(rng, n_out),
                   gaussian(rng, batch, n_out))


def _linear_probes(rng):
    return [tuple(_layer(rng, 3, 4, 2)), tuple(_layer(rng, 1, 2, 5))]


def _jacobian_probes(rng):
    A, b, x = read_only(gaussian(rng, 3, 4), gaussian(rng, 3), gaussian(rng, 4))
    return [(Helper("tanh_affine", (A, b)), x), (Helper("cube_affine", (A,)), x, 1e-3)]


EXERCISE = Exercise(
    id="ex04_linear_backward",
    topic=4,
    framework="numpy",
    part_names=["linear_backward", "jacobian"],
    probes={"linear_backward": _linear_probes, "jacobian": _jacobian_probes},
    drivers="ex04_functions",
)


# -- oracles ------------------------------------------------------------------------------


def linear_gradients(x, W, b, grad_out):
    """(dx, dW, db) by autograd through F.linear (y = x @ W.T + b) in float64."""
    import torch.nn.functional as F

    x_, W_, b_ = (oracles.tensor(a, requires_grad=True) for a in (x, W, b))
    F.linear(x_, W_, b_).backward(oracles.tensor(grad_out))
    return x_.grad.numpy(), W_.grad.numpy(), b_.grad.numpy()


def _torch_function(name, args):
    """The same functions as grader/drivers/ex04_functions.py, written in torch."""
    import torch

    tensors = [oracles.tensor(a) for a in args]
    if name == "affine":
        return lambda x: tensors[0] @ x + tensors[1]
    if name == "tanh_affine":
        return lambda x: torch.tanh(tensors[0] @ x + tensors[1])
    if name == "softmax_affine":
        return lambda x: torch.softmax(tensors[0] @ x, dim=0)
    if name == "cube_affine":
        return lambda x: (tensors[0] @ x) ** 3
    raise KeyError(name)


def autograd_jacobian(name, args, x):
    """J[i, j] = d f_i / d x_j by torch.autograd.functional.jacobian (shape (m, n))."""
    from torch.autograd.functional import jacobian

    return jacobian(_torch_function(name, args), oracles.tensor(x)).numpy()


# -- 4.1 linear_backward ------------------------------------------------------------------


def _expect_linear(student, x, W, b, grad_out):
    got = expect_tuple(student.linear_backward(x, W, b, grad_out), ("dx", "dW", "db"))
    for value, expected, name in zip(got, linear_gradients(x, W, b, grad_out), ("dx", "dW", "db"), strict=True):
        expect_array(value, expected, name=name, rtol=1e-10, atol=1e-12)
    return got


@st.composite
def layer_cases(draw):
    """(x, W, b, grad_out) with N, n_in, n_out in 1..7, drawn independently (mostly non-square)."""
    batch, n_in, n_out = (draw(st.integers(1, 7)) for _ in range(3))
    return tuple(_layer(np.random.default_rng(draw(st.integers(0, 2**32 - 1))), batch, n_in, n_out))


@EXERCISE.check("linear_backward", points=3,
                title="dx, dW, db совпадают с autograd для F.linear на случайных формах (допуск 1e-10)")
@given(case=layer_cases())
@example(case=tuple(_layer(np.random.default_rng(4), 3, 5, 2)))
def linear_matches_autograd(student, case):
    _expect_linear(student, *case)


@EXERCISE.check("linear_backward", points=2,
                title="батч из одного примера и неквадратные W: формы (dx, dW, db) равны формам (x, W, b)")
def linear_edge_shapes(student, rng):
    for batch, n_in, n_out in [(1, 4, 3), (1, 1, 6), (5, 2, 7)]:
        _expect_linear(student, *_layer(rng, batch, n_in, n_out))


@EXERCISE.check("linear_backward", points=1,
                title="вклады примеров складываются: повтор батча удваивает dW и db, dx повторяется")
def linear_sums_over_batch(student, rng):
    x, W, b, grad_out = _layer(rng, 3, 4, 2)
    dx, dW, db = _expect_linear(student, x, W, b, grad_out)
    twice = expect_tuple(student.linear_backward(*read_only(np.concatenate([x, x]), W, b,
                                                          np.concatenate([grad_out, grad_out]))),
                         ("dx", "dW", "db"), name="результат для повторённого батча")
    for value, expected, name in zip(twice, (np.concatenate([dx, dx]), 2 * dW, 2 * db), ("dx", "dW", "db"),
                                     strict=True):
        expect_array(value, expected, name=f"{name} повторённого батча")


# -- 4.2 jacobian -------------------------------------------------------------------------


def _expect_jacobian(student, name, args, x, *eps, expected=None, rtol=FD_RTOL, atol=FD_ATOL):
    if expected is None:
        expected = autograd_jacobian(name, args, x)
    return expect_array(student.jacobian(Helper(name, args), x, *eps), expected, name="J",
                        rtol=rtol, atol=atol)


@EXERCISE.check("jacobian", points=2,
                title="для f(x) = A x + b с неквадратной A (m ≠ n) якобиан равен A, форма (m, n) (допуск 1e-8)")
def jacobian_of_affine_is_A(student, rng):
    for m, n in [(3, 5), (4, 2)]:
        A, b, x = read_only(gaussian(rng, m, n), gaussian(rng, m), gaussian(rng, n))
        _expect_jacobian(student, "affine", (A, b), x, expected=np.array(A))


@EXERCISE.check("jacobian", points=2,
                title="совпадает с torch.autograd.functional.jacobian для tanh(Ax + b) и softmax(Ax) "
                      "(rtol 1e-7, atol 1e-8)")
def jacobian_matches_autograd(student, rng):
    A, b, x = read_only(gaussian(rng, 4, 3), gaussian(rng, 4), gaussian(rng, 3))
    _expect_jacobian(student, "tanh_affine", (A, b), x)
    A, x = read_only(gaussian(rng, 5, 3), gaussian(rng, 3))
    _expect_jacobian(student, "softmax_affine", (A,), x)


@EXERCISE.check("jacobian", points=1,
                title="крайние формы: один выход (m = 1) и один вход (n = 1)")
def jacobian_edge_shapes(student, rng):
    for m, n in [(1, 5), (4, 1)]:
        A, b, x = read_only(gaussian(rng, m, n), gaussian(rng, m), gaussian(rng, n))
        _expect_jacobian(student, "tanh_affine", (A, b), x)


@EXERCISE.check("jacobian", points=1,
                title="использует центральную разность с заданным eps: для (Ax)³ при eps = 1e-3 "
                      "ответ равен 3u²a + a³eps² (допуск 1e-9)")
def jacobian_uses_central_step(student, rng):
    """For f_i = u_i^3 with u = A x the central difference is exactly 3 u_i^2 a_ij + a_ij^3 eps^2."""
    eps = 1e-3
    A, x = read_only(gaussian(rng, 3, 4), gaussian(rng, 4))
    u = np.array(A) @ x
    expected = 3 * u[:, None] ** 2 * A + A ** 3 * eps ** 2
    _expect_jacobian(student, "cube_affine", (A,), x, eps, expected=expected, rtol=1e-9, atol=1e-9)
