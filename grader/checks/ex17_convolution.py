"""Checks of exercise 17: cross-correlation, parameter counts and shifts in NumPy.

Oracles: ``F.conv2d`` in float64 for the sliding window, ``numel`` of ``nn.Linear`` and
``nn.Conv2d`` built on the meta device (no memory for the weights, so 150 million
parameters cost nothing) for the counts, and ``torch.roll`` with the wrapped rows and
columns zeroed for the shift. The equivariance check holds the student's shift against
``F.conv2d``: convolving a shifted image equals shifting the convolved one, away from
the borders.
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import expect, expect_array, expect_int
from grader.exercise import Exercise
from grader.strategies import gaussian


def _correlate_probes(rng):
    return [(gaussian(rng, 5, 7), gaussian(rng, 2, 3)), (gaussian(rng, 6, 4), gaussian(rng, 3, 1))]


def _dense_probes(rng):
    return [(5, 7, 3, 11), (2, 3, 1, 4)]


def _conv_probes(rng):
    return [(3, 5, 2, 4), (3, 5, 2, 4, False), (7, 2, 1, 3, True)]


def _shift_probes(rng):
    image = gaussian(rng, 4, 6)
    return [(image, 1, -2), (image, -3, 2)]


EXERCISE = Exercise(
    id="ex17_convolution",
    topic=17,
    framework="numpy",
    part_names=["cross_correlate2d", "dense_params", "conv_params", "shift"],
    probes={"cross_correlate2d": _correlate_probes, "dense_params": _dense_probes,
            "conv_params": _conv_probes, "shift": _shift_probes},
)


# -- oracles ----------------------------------------------------------------------------


def _correlation(image, kernel):
    """Valid cross-correlation of one channel: F.conv2d with N = C_in = C_out = 1."""
    return oracles.conv2d(image[None, None], kernel[None, None], None)[0, 0]


def _shifted(image, dy, dx):
    """torch.roll, then the rows and columns that wrapped around are set to zero."""
    import torch

    rolled = torch.roll(oracles.tensor(image), shifts=(dy, dx), dims=(0, 1))
    rows = torch.arange(image.shape[0])[:, None]
    cols = torch.arange(image.shape[1])[None, :]
    inside = (rows - dy >= 0) & (rows - dy < image.shape[0]) & (cols - dx >= 0) & (cols - dx < image.shape[1])
    return torch.where(inside, rolled, torch.zeros((), dtype=torch.float64)).numpy()


def _numel(module):
    return int(sum(p.numel() for p in module.parameters()))


def _linear_count(h, w, c_in, units):
    import torch

    return _numel(torch.nn.Linear(h * w * c_in, units, device="meta"))


def _conv_count(c_in, c_out, k_h, k_w, bias=True):
    import torch

    return _numel(torch.nn.Conv2d(c_in, c_out, (k_h, k_w), bias=bias, device="meta"))


# -- 17.1 cross_correlate2d -------------------------------------------------------------


@st.composite
def image_and_kernel(draw, max_side=8):
    """A (H, W) image and a (kH, kW) kernel that fits in it, any shapes."""
    h, w = draw(st.integers(1, max_side)), draw(st.integers(1, max_side))
    k_h, k_w = draw(st.integers(1, h)), draw(st.integers(1, w))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    return gaussian(rng, h, w), gaussian(rng, k_h, k_w)


def _expect_correlation(student, image, kernel):
    expect_array(student.cross_correlate2d(image, kernel), _correlation(image, kernel),
                 name=f"cross_correlate2d(изображение {image.shape}, ядро {kernel.shape})")


@EXERCISE.check("cross_correlate2d", points=2,
                title="совпадает с F.conv2d на изображениях и ядрах любых форм (допуск 1e-10)")
@given(case=image_and_kernel())
def correlation_matches_torch(student, case):
    _expect_correlation(student, *case)


@EXERCISE.check("cross_correlate2d", points=2,
                title="ядро не переворачивается и оси не путаются: несимметричное неквадратное ядро")
def correlation_is_not_flipped(student, rng):
    image = gaussian(rng, 6, 9)
    for kernel in (gaussian(rng, 2, 3), gaussian(rng, 3, 2), np.array([[0.0, 1.0], [0.0, 0.0]])):
        _expect_correlation(student, image, kernel)


@EXERCISE.check("cross_correlate2d", points=1,
                title="крайние случаи: ядро 1×1 (умножение на число) и ядро размером с изображение (выход 1×1)")
def correlation_edge_cases(student, rng):
    image = gaussian(rng, 4, 7)
    scale = np.array([[rng.uniform(1.5, 3.0)]])
    got = student.cross_correlate2d(image, scale)
    expect_array(got, image * scale[0, 0], name="cross_correlate2d(изображение, ядро 1×1)")
    _expect_correlation(student, image, gaussian(rng, 4, 7))
    _expect_correlation(student, gaussian(rng, 1, 5), gaussian(rng, 1, 2))


# -- 17.2 dense_params ------------------------------------------------------------------


def _expect_dense(student, h, w, c_in, units):
    expect_int(student.dense_params(h, w, c_in, units), _linear_count(h, w, c_in, units),
               name=f"dense_params(h={h}, w={w}, c_in={c_in}, units={units})")


@EXERCISE.check("dense_params", points=2,
                title="совпадает с числом параметров nn.Linear(h·w·c_in, units) на случайных размерах")
def dense_matches_linear(student, rng):
    for _ in range(5):
        h, w, c_in, units = (int(v) for v in rng.integers(1, 40, size=4))
        _expect_dense(student, h, w, c_in, units)


@EXERCISE.check("dense_params", points=1,
                title="крайние случаи: картинка 1×1×1 и 1 нейрон; картинка 224×224×3 и 1000 нейронов")
def dense_edge_cases(student, rng):
    _expect_dense(student, 1, 1, 1, 1)
    _expect_dense(student, 224, 224, 3, 1000)
    _expect_dense(student, 28, 28, 1, int(rng.integers(50, 300)))


# -- 17.3 conv_params -------------------------------------------------------------------


def _expect_conv(student, *args):
    name = f"conv_params{args}"
    expect_int(student.conv_params(*args), _conv_count(*args), name=name)


@EXERCISE.check("conv_params", points=2,
                title="совпадает с числом параметров nn.Conv2d, в том числе при неквадратном ядре")
def conv_matches_torch(student, rng):
    for _ in range(5):
        c_in, c_out = (int(v) for v in rng.integers(1, 130, size=2))
        k_h, k_w = (int(v) for v in rng.choice(np.arange(1, 8), size=2, replace=False))
        _expect_conv(student, c_in, c_out, k_h, k_w)


@EXERCISE.check("conv_params", points=1, title="bias=False убирает смещения; по умолчанию смещение есть")
def conv_bias_flag(student, rng):
    c_in, c_out = (int(v) for v in rng.integers(2, 70, size=2))
    _expect_conv(student, c_in, c_out, 3, 5, False)
    _expect_conv(student, c_in, c_out, 3, 5, True)
    _expect_conv(student, c_out, c_in, 1, 1)


# -- 17.4 shift -------------------------------------------------------------------------


def _expect_shift(student, image, dy, dx):
    return expect_array(student.shift(image, dy, dx), _shifted(image, dy, dx),
                        name=f"shift(изображение {image.shape}, dy={dy}, dx={dx})")


@EXERCISE.check("shift", points=2,
                title="совпадает со сдвигом с заполнением нулями (torch.roll и обнуление), сдвиги любого знака")
def shift_matches_oracle(student, rng):
    image = gaussian(rng, 5, 8)
    for dy, dx in [(1, 0), (0, -1), (2, 3), (-1, 2), (-3, -4)]:
        _expect_shift(student, image, dy, dx)
    _expect_shift(student, image, int(rng.integers(-4, 5)), int(rng.integers(-7, 8)))


@EXERCISE.check("shift", points=1,
                title="крайние случаи: нулевой сдвиг — копия; сдвиг на размер картинки и больше — одни нули")
def shift_edge_cases(student, rng):
    image = gaussian(rng, 3, 4)
    same = _expect_shift(student, image, 0, 0)
    expect(same is not image, "shift(изображение, 0, 0): вернули сам входной массив, а нужна новая картинка")
    for dy, dx in [(3, 0), (0, -4), (5, 9), (-10, 1)]:
        _expect_shift(student, image, dy, dx)
    _expect_shift(student, gaussian(rng, 1, 1), 0, 0)


@EXERCISE.check("shift", points=1,
                title="эквивариантность: свёртка сдвинутой картинки равна сдвинутой свёртке вдали от границ")
@given(case=image_and_kernel(max_side=9), dy=st.integers(-3, 3), dx=st.integers(-3, 3))
def shift_commutes_with_correlation(student, case, dy, dx):
    image, kernel = case
    _expect_shift(student, image, dy, dx)
    out = _correlation(image, kernel)
    moved_then_filtered = _correlation(student.shift(image, dy, dx), kernel)
    filtered_then_moved = student.shift(out, dy, dx)
    rows, cols = out.shape
    # Output positions whose window lies in the shifted copy of the image: there the two agree exactly.
    keep = (slice(max(dy, 0), max(rows + min(dy, 0), 0)), slice(max(dx, 0), max(cols + min(dx, 0), 0)))
    expect_array(moved_then_filtered[keep], filtered_then_moved[keep],
                 name="corr(shift(x)) − shift(corr(x)) вдали от границ", rtol=1e-9, atol=1e-10)
