"""Checks of exercise 20: output size, conv2d and max_pool2d in NumPy, against torch in float64."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import expect_array, expect_int
from grader.exercise import Exercise
from grader.strategies import gaussian


def _size_probes(rng):
    return [(12, 3, 1, 1, 2), (12, 4, 3, 1, 1), (9, 2, 2, 0, 1)]


def _conv_probes(rng):
    x, weight, bias = gaussian(rng, 2, 2, 7, 6), gaussian(rng, 3, 2, 3, 2), gaussian(rng, 3)
    return [(x, weight, bias, 1, 1, 2), (x, weight, None, 2, 1, 1)]


def _pool_probes(rng):
    x = -np.abs(gaussian(rng, 1, 2, 5, 5)) - 1.0  # all negative: zero padding would show
    return [(x, 2, None, 1), (x, 3, 1, 0)]


EXERCISE = Exercise(
    id="ex20_conv",
    topic=20,
    framework="numpy",
    part_names=["conv_output_size", "conv2d", "max_pool2d"],
    probes={"conv_output_size": _size_probes, "conv2d": _conv_probes, "max_pool2d": _pool_probes},
)


@st.composite
def conv_settings(draw, max_kernel=4, max_extra=6):
    """Per spatial axis: (size, kernel, stride, padding, dilation) with an output of at least 1."""
    kernel, dilation = draw(st.integers(1, max_kernel)), draw(st.integers(1, 2))
    stride, padding = draw(st.integers(1, 3)), draw(st.integers(0, 2))
    smallest = max(1, dilation * (kernel - 1) + 1 - 2 * padding)
    return draw(st.integers(smallest, smallest + max_extra)), kernel, stride, padding, dilation


@st.composite
def conv_cases(draw, pairs):
    """(x, weight, bias, stride, padding, dilation): ints, or pairs with H and W set apart."""
    rows, cols = draw(conv_settings()), draw(conv_settings()) if pairs else None
    cols = cols or rows
    n, c_in, c_out = draw(st.integers(1, 2)), draw(st.integers(1, 3)), draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = gaussian(rng, n, c_in, rows[0], cols[0])
    weight = gaussian(rng, c_out, c_in, rows[1], cols[1])
    bias = gaussian(rng, c_out) if draw(st.booleans()) else None
    options = [(r, c) if pairs else r for r, c in zip(rows[2:], cols[2:], strict=True)]
    return (x, weight, bias, *options)


def _expect_conv(student, case):
    x, weight, bias, stride, padding, dilation = case
    expected = oracles.conv2d(x, weight, bias, stride=stride, padding=padding, dilation=dilation)
    got = student.conv2d(x, weight, bias, stride, padding, dilation)
    expect_array(got, expected, name="conv2d(...)")


# -- 20.1 conv_output_size ---------------------------------------------------------------


@EXERCISE.check("conv_output_size", points=2,
                title="совпадает с длиной выхода настоящей свёртки при любых k, s, p, d")
@given(setting=conv_settings(max_kernel=7, max_extra=30))
def output_size_matches_torch(student, setting):
    expect_int(student.conv_output_size(*setting), oracles.conv_output_size(*setting),
               name="conv_output_size")


@EXERCISE.check("conv_output_size", points=1,
                title="крайние случаи: ядро во весь вход, шаг больше входа, значения по умолчанию")
def output_size_edge_cases(student, rng):
    for setting in [(7, 7, 1, 0, 1), (5, 3, 9, 1, 1), (1, 1, 1, 0, 1), (6, 3, 1, 1, 2)]:
        expect_int(student.conv_output_size(*setting), oracles.conv_output_size(*setting),
                   name="conv_output_size")
    expect_int(student.conv_output_size(10, 3), oracles.conv_output_size(10, 3, 1, 0, 1),
               name="conv_output_size(10, 3)")


# -- 20.2 conv2d -------------------------------------------------------------------------


@EXERCISE.check("conv2d", points=3, title="совпадает с F.conv2d при целых stride, padding, dilation")
@given(case=conv_cases(pairs=False))
def conv2d_matches_torch(student, case):
    _expect_conv(student, case)


@EXERCISE.check("conv2d", points=2,
                title="совпадает с F.conv2d при парах (по высоте, по ширине) и неквадратном ядре",
                examples=20)
@given(case=conv_cases(pairs=True))
def conv2d_accepts_pairs(student, case):
    _expect_conv(student, case)


@EXERCISE.check("conv2d", points=1, title="смещение добавляется к каждому выходному каналу; bias=None работает")
def conv2d_bias(student, rng):
    x, weight = gaussian(rng, 2, 3, 5, 4), gaussian(rng, 4, 3, 2, 2)
    for bias in (np.array([10.0, -20.0, 30.0, -40.0]), None):
        _expect_conv(student, (x, weight, bias, 1, 0, 1))


# -- 20.3 max_pool2d ---------------------------------------------------------------------


@st.composite
def pool_cases(draw, pairs):
    """(x, kernel_size, stride, padding) valid for torch: padding <= kernel // 2."""
    kernel = [draw(st.integers(1, 3)) for _ in range(2 if pairs else 1)]
    padding = [draw(st.integers(0, k // 2)) for k in kernel]
    stride = [draw(st.integers(1, 3)) for _ in kernel] if pairs else draw(st.none() | st.integers(1, 3))
    sizes = [k + draw(st.integers(0, 5)) for k in (kernel * 2)[:2]]
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = gaussian(rng, draw(st.integers(1, 2)), draw(st.integers(1, 3)), *sizes)
    as_arg = (lambda v: tuple(v)) if pairs else (lambda v: v[0])
    return x, as_arg(kernel), tuple(stride) if pairs else stride, as_arg(padding)


def _expect_pool(student, case):
    x, kernel, stride, padding = case
    expected = oracles.max_pool2d(x, kernel_size=kernel, stride=stride, padding=padding)
    expect_array(student.max_pool2d(x, kernel, stride, padding), expected, name="max_pool2d(...)")


@EXERCISE.check("max_pool2d", points=2, title="совпадает с F.max_pool2d (по умолчанию шаг равен окну)")
@given(case=pool_cases(pairs=False))
def max_pool_matches_torch(student, case):
    _expect_pool(student, case)


@EXERCISE.check("max_pool2d", points=1, title="перекрывающиеся окна и пары (по высоте, по ширине)",
                examples=20)
@given(case=pool_cases(pairs=True))
def max_pool_accepts_pairs(student, case):
    _expect_pool(student, case)


@EXERCISE.check("max_pool2d", points=1, title="дополнение −∞, а не нулями: вход только из отрицательных чисел")
def max_pool_pads_with_minus_infinity(student, rng):
    x = -np.abs(gaussian(rng, 2, 2, 5, 6)) - 1.0
    for kernel, stride, padding in [(2, None, 1), (3, 2, 1)]:
        _expect_pool(student, (x, kernel, stride, padding))
