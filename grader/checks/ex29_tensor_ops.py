"""Checks of exercise 29: image patches, a masked mean and a batched 2-D argmax in torch.

Oracles run in this process in torch float64 on the CPU: ``F.unfold(...).transpose(1, 2)`` for
the patches, ``torch.nanmean`` of the NaN-filled input for the masked mean (NaN -> 0 on empty
slices), and NumPy's ``argmax`` + ``unravel_index`` for the 2-D argmax. The student's functions
run on the grading device (``AsTensor``); ``expect_tensor`` checks device, dtype, shape and values.
Shapes are non-square and channels > 1 so that swapped axes cannot pass by coincidence; exact
answers (argmax positions, which slices are empty) depend on the seed.
"""

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader.compare import expect_tensor
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.wire import AsTensor


def _patches_probes(rng):
    return [(AsTensor(_coded_image(2, 2, 4, 6)), 2), (AsTensor(gaussian(rng, 1, 3, 6, 3)), 3)]


def _masked_probes(rng):
    x = gaussian(rng, 3, 5)
    mask = np.array([[True, False, True, True, False], [False] * 5, [True, True, False, False, True]])
    x[0, 1], x[2, 2] = np.inf, np.nan
    return [(AsTensor(x), AsTensor(mask), 1, True), (AsTensor(x), AsTensor(mask), 0)]


def _argmax_probes(rng):
    tie = np.zeros((1, 3, 5))
    tie[0, 0, 4] = tie[0, 2, 1] = 2.0
    return [(AsTensor(tie),), (AsTensor(gaussian(rng, 2, 2, 7)),)]


EXERCISE = Exercise(
    id="ex29_tensor_ops",
    topic=29,
    framework="torch",
    part_names=["image_to_patches", "masked_mean", "batch_argmax_2d"],
    forbidden_modules=(),
    forbidden_names=("unfold", "Unfold", "nanmean", "unravel_index", "vmap", "vectorize"),
    forbid_loops=True,
    probes={"image_to_patches": _patches_probes, "masked_mean": _masked_probes,
            "batch_argmax_2d": _argmax_probes},
)


# -- oracles ------------------------------------------------------------------------------


def unfold_patches(x, p):
    """(B, N, C*p*p) by torch's own im2col: F.unfold with stride p, patches moved to axis 1."""
    import torch
    import torch.nn.functional as F

    return F.unfold(torch.tensor(x), kernel_size=p, stride=p).transpose(1, 2).numpy()


def nanmean_oracle(x, mask, dim, keepdim):
    """Mean over the True entries: hidden entries become NaN and nanmean skips them; empty -> 0."""
    import torch

    filled = torch.tensor(x).masked_fill(~torch.tensor(mask), float("nan"))
    return torch.nanmean(filled, dim=dim, keepdim=keepdim).nan_to_num(nan=0.0).numpy()


def argmax_oracle(x):
    """(B, 2) int64: np.argmax of each flattened matrix (first maximum), unravelled to (row, col)."""
    flat = x.reshape(x.shape[0], -1).argmax(axis=1)
    return np.stack(np.unravel_index(flat, x.shape[1:]), axis=1).astype(np.int64)


def _coded_image(B, C, H, W):
    """x[b, c, h, w] = 1000 b + 100 c + 10 h + w (H, W <= 10): every value names its pixel."""
    b, c, h, w = np.meshgrid(*(np.arange(n) for n in (B, C, H, W)), indexing="ij")
    return (1000.0 * b + 100.0 * c + 10.0 * h + w).astype(np.float64)


# -- 29.1 image_to_patches ------------------------------------------------------------------


def _expect_patches(student, x, p, name=None):
    name = name or f"image_to_patches(x формы {x.shape}, p={p})"
    return expect_tensor(student.image_to_patches(AsTensor(x), p), unfold_patches(x, p), device=student.device,
                         name=name, rtol=0, atol=0)


@EXERCISE.check("image_to_patches", points=3, examples=12,
                title="совпадает с F.unfold(x, p, stride=p).transpose(1, 2) на случайных формах (H ≠ W, C > 1)")
@given(B=st.integers(1, 3), C=st.integers(2, 3), p=st.integers(1, 3), rows=st.integers(1, 3),
       cols=st.integers(1, 4), seed=st.integers(0, 2**31))
@example(B=2, C=3, p=2, rows=2, cols=3, seed=0)
def patches_match_unfold(student, B, C, p, rows, cols, seed):
    x = gaussian(np.random.default_rng(seed), B, C, rows * p, cols * p)
    _expect_patches(student, x, p)


@EXERCISE.check("image_to_patches", points=2,
                title="каждый признак берётся из своего пикселя (изображение-код x = 1000·b + 100·c + 10·h + w)")
def patches_of_coded_image(student, rng):
    p = int(rng.choice([2, 3]))
    x = _coded_image(2, 3, 2 * p, 3 * p)
    _expect_patches(student, x, p, name=f"image_to_patches(x-код формы {x.shape}, p={p})")


@EXERCISE.check("image_to_patches", points=1,
                title="крайние случаи: p = 1, один патч на всё изображение (p = H = W), B = 1 и C = 1")
def patches_edge_cases(student, rng):
    side = int(rng.integers(2, 5))
    for x, p in [(gaussian(rng, 2, 3, 2, 5), 1), (gaussian(rng, 2, 3, side, side), side),
                 (gaussian(rng, 1, 1, 2 * side, side), side)]:
        _expect_patches(student, x, p)


# -- 29.2 masked_mean -----------------------------------------------------------------------


def _expect_masked(student, x, mask, dim, keepdim):
    args = (AsTensor(x), AsTensor(mask), dim) + ((keepdim,) if keepdim else ())
    name = f"masked_mean(x формы {x.shape}, mask, dim={dim}{', keepdim=True' if keepdim else ''})"
    return expect_tensor(student.masked_mean(*args), nanmean_oracle(x, mask, dim, keepdim), device=student.device,
                         name=name, rtol=1e-12, atol=1e-12)


@EXERCISE.check("masked_mean", points=3, examples=12,
                title="совпадает с nanmean по отмеченным элементам на случайных формах и осях (в т. ч. dim < 0)")
@given(shape=st.lists(st.integers(2, 5), min_size=1, max_size=4), data=st.data(), seed=st.integers(0, 2**31))
def masked_matches_nanmean(student, shape, data, seed):
    rng = np.random.default_rng(seed)
    x = gaussian(rng, *shape, scale=3.0)
    mask = rng.random(shape) < 0.6
    dim = data.draw(st.integers(-len(shape), len(shape) - 1), label="dim")
    _expect_masked(student, x, mask, dim, False)


@EXERCISE.check("masked_mean", points=1, title="срез без единого отмеченного элемента даёт 0, а не NaN")
def masked_empty_slices(student, rng):
    x = gaussian(rng, 4, 6)
    mask = rng.random((4, 6)) < 0.5
    empty_row, empty_col = int(rng.integers(4)), int(rng.integers(6))
    mask[empty_row] = False
    mask[:, empty_col] = False
    mask[(empty_row + 1) % 4, (empty_col + 1) % 6] = True
    for dim in (1, 0):
        _expect_masked(student, x, mask, dim, False)  # row empty_row and column empty_col are all hidden
    _expect_masked(student, gaussian(rng, 3), np.zeros(3, dtype=bool), 0, False)


@EXERCISE.check("masked_mean", points=1, title="скрытые элементы со значениями inf и NaN не влияют на ответ")
def masked_ignores_hidden_inf_nan(student, rng):
    x = gaussian(rng, 3, 4, 5)
    mask = rng.random(x.shape) < 0.5
    mask[:, :, 0] = True
    hidden = np.argwhere(~mask)
    for k, where in enumerate(hidden):
        x[tuple(where)] = (np.inf, -np.inf, np.nan)[k % 3]
    for dim in (-1, 1):
        _expect_masked(student, x, mask, dim, False)


@EXERCISE.check("masked_mean", points=1, title="keepdim=True оставляет ось длины 1; работает на 1-D входе")
def masked_keepdim(student, rng):
    x = gaussian(rng, 3, 4, 2)
    mask = rng.random(x.shape) < 0.6
    for dim in (1, -1, 0):
        _expect_masked(student, x, mask, dim, True)
    y = gaussian(rng, 5)
    _expect_masked(student, y, rng.random(5) < 0.6, 0, True)


# -- 29.3 batch_argmax_2d --------------------------------------------------------------------


def _expect_argmax(student, x):
    return expect_tensor(student.batch_argmax_2d(AsTensor(x)), argmax_oracle(x), device=student.device,
                         name=f"batch_argmax_2d(x формы {x.shape})", rtol=0, atol=0)


@EXERCISE.check("batch_argmax_2d", points=3,
                title="совпадает с (строка, столбец) из argmax + unravel_index на неквадратных матрицах")
def argmax_matches_unravel(student, rng):
    for B, H, W in [(4, 3, 7), (3, 6, 2), (2, 5, 5)]:
        _expect_argmax(student, gaussian(rng, B, H, W))


@EXERCISE.check("batch_argmax_2d", points=2,
                title="при нескольких максимумах возвращается первый в построчном порядке; все значения < 0")
def argmax_ties(student, rng):
    B, H, W = 5, 4, 6
    x = -np.abs(gaussian(rng, B, H, W)) - 1.0
    for b in range(B):
        r1, r2 = sorted(rng.choice(H, size=2, replace=False))
        c2, c1 = sorted(rng.choice(W, size=2, replace=False))
        x[b, r1, c1] = x[b, r2, c2] = -0.5  # first occurrence (r1, c1) is right of the second one
        if b % 2:
            x[b, int(rng.integers(H)), int(rng.integers(W))] = -0.5
    _expect_argmax(student, x)  # in every matrix the maximum -0.5 occurs 2 or 3 times


@EXERCISE.check("batch_argmax_2d", points=1,
                title="крайние формы: B = 1, одна строка (H = 1), один столбец (W = 1), матрица 1×1")
def argmax_edge_shapes(student, rng):
    for shape in [(1, 3, 8), (3, 1, 6), (3, 5, 1), (2, 1, 1)]:
        _expect_argmax(student, gaussian(rng, *shape))
