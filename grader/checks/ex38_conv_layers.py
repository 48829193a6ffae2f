"""Checks of exercise 38: grouped conv2d, its backward pass, max pooling with indices and its backward.

Oracles: torch in float64 at grade time (F.conv2d with groups, autograd of sum(out * G)
for the backward passes, F.max_pool2d with return_indices and ceil_mode), central finite
differences for the input gradient, and invariants (gradient mass is conserved by max pooling).
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import expect_array, expect_scalar, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian

# -- oracles --------------------------------------------------------------------------------


def _conv_oracle(x, weight, bias, stride, padding, groups, grad_output=None):
    """F.conv2d output, or with grad_output the autograd gradients (x, weight, bias) of sum(out * G)."""
    import torch
    import torch.nn.functional as F

    x_t, w_t = oracles.tensor(x, requires_grad=True), oracles.tensor(weight, requires_grad=True)
    b_t = oracles.tensor(bias if bias is not None else np.zeros(weight.shape[0]), requires_grad=True)
    out = F.conv2d(x_t, w_t, b_t if bias is not None or grad_output is not None else None,
                   stride=stride, padding=padding, groups=groups)
    if grad_output is None:
        return out.detach().numpy()
    (out * torch.tensor(grad_output)).sum().backward()
    return x_t.grad.numpy(), w_t.grad.numpy(), b_t.grad.numpy()


def _pool_oracle(x, kernel_size, stride, padding, ceil_mode, grad_output=None):
    """F.max_pool2d(..., return_indices=True), or with grad_output the autograd gradient by x."""
    import torch
    import torch.nn.functional as F

    x_t = oracles.tensor(x, requires_grad=True)
    out, indices = F.max_pool2d(x_t, kernel_size, stride, padding, ceil_mode=ceil_mode, return_indices=True)
    if grad_output is None:
        return out.detach().numpy(), indices.numpy()
    (out * torch.tensor(grad_output)).sum().backward()
    return x_t.grad.numpy()


# -- probes: inputs that tell the catalogued mistakes apart ---------------------------------


def _conv_probes(rng):
    x, weight, bias = gaussian(rng, 2, 4, 6, 5), gaussian(rng, 6, 2, 3, 2), gaussian(rng, 6)
    return [(x, weight, bias, 1, 1, 2), (gaussian(rng, 1, 6, 5, 5), gaussian(rng, 6, 2, 2, 2), None, 2, 0, 3)]


def _backward_probes(rng):
    x, weight = gaussian(rng, 3, 4, 7, 6), gaussian(rng, 4, 2, 3, 2)
    return [(x, weight, gaussian(rng, 3, 4, 3, 3), 2, 1, 2), (x, weight, gaussian(rng, 3, 4, 5, 5), 1, 0, 2)]


def _pool_probes(rng):
    negative = -np.abs(gaussian(rng, 2, 2, 5, 7)) - 1.0  # all negative: zero padding would show
    return [(negative, 2, 2, 1, True), (negative, 3, 2, 1, False), (gaussian(rng, 1, 2, 6, 5), 2, None, 0, True)]


def _pool_backward_probes(rng):
    x = gaussian(rng, 2, 2, 6, 5)
    _, indices = _pool_oracle(x, 3, 1, 1, False)
    return [(gaussian(rng, *indices.shape), indices, x.shape)]


EXERCISE = Exercise(
    id="ex38_conv_layers",
    topic=38,
    framework="numpy",
    part_names=["conv2d_groups", "conv2d_backward", "max_pool2d_with_indices", "max_pool2d_backward"],
    probes={"conv2d_groups": _conv_probes, "conv2d_backward": _backward_probes,
            "max_pool2d_with_indices": _pool_probes, "max_pool2d_backward": _pool_backward_probes},
)


@st.composite
def conv_cases(draw):
    """(x, weight, bias, stride, padding, groups) with groups dividing C_in and C_out, H != W allowed."""
    groups = draw(st.integers(1, 3))
    c_in, c_out = groups * draw(st.integers(1, 2)), groups * draw(st.integers(1, 3))
    k_h, k_w = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    stride, padding = draw(st.integers(1, 3)), draw(st.integers(0, 2))
    h = draw(st.integers(max(1, k_h - 2 * padding), 7))
    w = draw(st.integers(max(1, k_w - 2 * padding), 7))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    bias = gaussian(rng, c_out) if draw(st.booleans()) else None
    x = gaussian(rng, draw(st.integers(1, 2)), c_in, h, w)
    return x, gaussian(rng, c_out, c_in // groups, k_h, k_w), bias, stride, padding, groups


def _expect_conv(student, case):
    expect_array(student.conv2d_groups(*case), _conv_oracle(*case), name="conv2d_groups(...)")


def _expect_backward(student, case, rng):
    x, weight, _, stride, padding, groups = case
    shape = _conv_oracle(x, weight, None, stride, padding, groups).shape
    grad_output = gaussian(rng, *shape)
    expected = _conv_oracle(x, weight, np.zeros(weight.shape[0]), stride, padding, groups, grad_output)
    got = expect_tuple(student.conv2d_backward(x, weight, grad_output, stride, padding, groups),
                       ("grad_x", "grad_weight", "grad_bias"), name="conv2d_backward(...)")
    for value, oracle, name in zip(got, expected, ("grad_x", "grad_weight", "grad_bias"), strict=True):
        expect_array(value, oracle, name=name, rtol=1e-9, atol=1e-11)
    return got, grad_output


# -- 38.1 conv2d_groups ---------------------------------------------------------------------


@EXERCISE.check("conv2d_groups", points=3,
                title="совпадает с F.conv2d при groups = 1, 2, 3, разных stride, padding и ядрах kH ≠ kW")
@given(case=conv_cases())
def conv_matches_torch(student, case):
    _expect_conv(student, case)


@EXERCISE.check("conv2d_groups", points=2,
                title="depthwise: groups = C_in, по два фильтра на канал, батч из одного неквадратного входа")
def conv_depthwise(student, rng):
    c_in = int(rng.integers(2, 5))
    x = gaussian(rng, 1, c_in, 6, 9)
    for weight, bias, stride, padding in [(gaussian(rng, 2 * c_in, 1, 3, 3), gaussian(rng, 2 * c_in), 1, 1),
                                          (gaussian(rng, c_in, 1, 2, 3), None, 2, 0)]:
        _expect_conv(student, (x, weight, bias, stride, padding, c_in))


@EXERCISE.check("conv2d_groups", points=1,
                title="группа видит только свои каналы: выход = склейка независимых свёрток по группам")
def conv_groups_are_independent(student, rng):
    groups = 2
    x, weight, bias = gaussian(rng, 2, 4, 5, 6), gaussian(rng, 6, 2, 2, 3), gaussian(rng, 6)
    pieces = [oracles.conv2d(x[:, 2 * g:2 * g + 2], weight[3 * g:3 * g + 3], bias[3 * g:3 * g + 3], padding=1)
              for g in range(groups)]
    got = expect_array(student.conv2d_groups(x, weight, bias, 1, 1, groups), np.concatenate(pieces, axis=1),
                       name="conv2d_groups(...)")
    x_changed = x.copy()
    x_changed[:, 2:] += 100.0  # only the second group's channels change
    expect_array(student.conv2d_groups(x_changed, weight, bias, 1, 1, groups)[:, :3], got[:, :3],
                 name="выход первой группы после изменения каналов второй")


# -- 38.2 conv2d_backward -------------------------------------------------------------------


@EXERCISE.check("conv2d_backward", points=3,
                title="grad_x, grad_weight, grad_bias совпадают с autograd F.conv2d (допуск 1e-9)")
@given(case=conv_cases(), seed=st.integers(0, 2**32 - 1))
def backward_matches_autograd(student, case, seed):
    _expect_backward(student, case, np.random.default_rng(seed))


@EXERCISE.check("conv2d_backward", points=2,
                title="stride 2 с непокрытыми строками и столбцами, depthwise; проверка конечными разностями")
def backward_stride_and_finite_differences(student, rng):
    x, weight = gaussian(rng, 1, 3, 8, 7), gaussian(rng, 3, 1, 3, 2)
    (grad_x, _, _), grad_output = _expect_backward(student, (x, weight, None, 2, 0, 3), rng)
    expect_array(grad_x[:, :, -1, :], np.zeros((1, 3, 7)),
                 name="grad_x[:, :, -1] (последнюю строку не видит ни одно окно)")
    expect_array(grad_x[..., -1], np.zeros((1, 3, 8)), name="grad_x[..., -1] (последний столбец не видит ни одно окно)")
    # Central differences of L(x) = sum(conv(x) * G): L is linear in x, so they are exact up to rounding.
    for _ in range(4):
        at = tuple(int(rng.integers(0, s)) for s in x.shape)
        step = np.zeros_like(x)
        step[at] = 1e-3
        plus = (oracles.conv2d(x + step, weight, None, stride=2, groups=3) * grad_output).sum()
        minus = (oracles.conv2d(x - step, weight, None, stride=2, groups=3) * grad_output).sum()
        expect_scalar(grad_x[at], float((plus - minus) / 2e-3), name=f"grad_x{list(at)} (конечные разности)",
                      rtol=1e-6, atol=1e-8)


# -- 38.3 max_pool2d_with_indices -----------------------------------------------------------


@st.composite
def pool_cases(draw, ceil_mode):
    """(x, kernel_size, stride, padding, ceil_mode) valid for torch: padding <= kernel // 2."""
    kernel = draw(st.integers(1, 3))
    stride = draw(st.none() | st.integers(1, 3))
    padding = draw(st.integers(0, kernel // 2))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    sizes = [kernel + draw(st.integers(0, 5)) for _ in range(2)]
    return gaussian(rng, draw(st.integers(1, 2)), draw(st.integers(1, 3)), *sizes), kernel, stride, padding, ceil_mode


def _expect_pool(student, case):
    expected_out, expected_indices = _pool_oracle(*case)
    out, indices = expect_tuple(student.max_pool2d_with_indices(*case), ("out", "indices"),
                                name="max_pool2d_with_indices(...)")
    expect_array(out, expected_out, name="out")
    expect_array(indices, expected_indices, name="indices", rtol=0, atol=0)


@EXERCISE.check("max_pool2d_with_indices", points=2,
                title="значения и индексы совпадают с F.max_pool2d(return_indices=True), ceil_mode=False")
@given(case=pool_cases(ceil_mode=False))
def pool_matches_torch(student, case):
    _expect_pool(student, case)


@EXERCISE.check("max_pool2d_with_indices", points=2,
                title="ceil_mode=True: размер выхода, последнее окно, начинающееся в дополнении, отбрасывается")
@given(case=pool_cases(ceil_mode=True))
def pool_ceil_mode(student, case):
    _expect_pool(student, case)


@EXERCISE.check("max_pool2d_with_indices", points=1,
                title="дополнение −∞: отрицательный вход, индексы в координатах недополненного H×W")
def pool_negative_input(student, rng):
    x = -np.abs(gaussian(rng, 2, 2, 5, 7)) - 1.0
    for kernel, stride, padding, ceil_mode in [(2, 2, 1, True), (3, 2, 1, False), (2, None, 1, False)]:
        _expect_pool(student, (x, kernel, stride, padding, ceil_mode))


@EXERCISE.check("max_pool2d_with_indices", points=1,
                title="равные максимумы в окне: индекс первого по строкам, как в PyTorch")
def pool_ties(student, rng):
    x = rng.integers(0, 3, size=(2, 2, 6, 7)).astype(np.float64)
    for kernel, stride, padding, ceil_mode in [(3, 1, 1, False), (2, 2, 0, True)]:
        _expect_pool(student, (x, kernel, stride, padding, ceil_mode))


# -- 38.4 max_pool2d_backward ---------------------------------------------------------------


def _expect_pool_backward(student, x, kernel, stride, padding, ceil_mode, rng):
    _, indices = _pool_oracle(x, kernel, stride, padding, ceil_mode)
    grad_output = gaussian(rng, *indices.shape)
    expected = _pool_oracle(x, kernel, stride, padding, ceil_mode, grad_output)
    got = student.max_pool2d_backward(grad_output, indices, tuple(int(s) for s in x.shape))
    expect_array(got, expected, name="grad_x")
    return got, grad_output


@EXERCISE.check("max_pool2d_backward", points=2,
                title="совпадает с autograd F.max_pool2d, перекрывающиеся окна (stride < kernel_size)")
def pool_backward_matches_autograd(student, rng):
    for shape, kernel, stride, padding, ceil_mode in [((2, 3, 6, 5), 3, 1, 1, False), ((1, 1, 7, 4), 2, 1, 0, False),
                                                      ((2, 2, 5, 8), 3, 2, 1, True)]:
        _expect_pool_backward(student, gaussian(rng, *shape), kernel, stride, padding, ceil_mode, rng)


@EXERCISE.check("max_pool2d_backward", points=1,
                title="градиент сохраняет сумму; большой пиксель — максимум всех своих окон — получает их сумму")
def pool_backward_conserves_mass(student, rng):
    x = gaussian(rng, 1, 2, 5, 6)
    x[0, :, 2, 3] = 100.0  # the maximum of all nine 3x3 windows around it
    got, grad_output = _expect_pool_backward(student, x, 3, 1, 1, False, rng)
    expect_array(got.sum(axis=(2, 3)), grad_output.sum(axis=(2, 3)), name="сумма grad_x по плоскости", atol=1e-10)
