"""Checks of exercise 10: the mini-batches of an epoch and mini-batch SGD for linear regression.

Oracles: ``torch.utils.data.BatchSampler`` cuts the generator's permutation into batches
exactly as ``DataLoader`` does; ``torch.optim.SGD`` with ``F.mse_loss`` in float64 replays
the same batches step by step; ``np.linalg.lstsq`` gives the least-squares solution that SGD
must approach. Exact answers (the orders) depend on the seed.
"""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import Mismatch, describe_type, expect, expect_array, expect_scalar, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.wire import Rng

RESULT_NAMES = ("w", "b", "losses")


def oracle_batches(n, batch_size, seed, drop_last=False, epochs=1):
    """The batches of ``epochs`` consecutive epochs: one permutation of default_rng(seed) per epoch."""
    from torch.utils.data import BatchSampler

    rng = np.random.default_rng(seed)
    return [[np.array(batch, dtype=np.int64) for batch in BatchSampler(rng.permutation(n).tolist(), batch_size,
                                                                         drop_last)]
            for _ in range(epochs)]


def oracle_sgd(X, y, lr, epochs, batch_size, seed=None):
    """torch.optim.SGD on F.mse_loss over the oracle's batches (seed=None: the whole set, in order)."""
    import torch
    import torch.nn.functional as F

    n, d = X.shape
    w = torch.zeros(d, dtype=torch.float64, requires_grad=True)
    b = torch.zeros((), dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    x_all, y_all = oracles.tensor(X), oracles.tensor(y)
    schedule = [[np.arange(n)]] * epochs if seed is None else oracle_batches(n, batch_size, seed, epochs=epochs)
    losses = []
    for epoch in schedule:
        for idx in epoch:
            index = torch.from_numpy(idx)
            optimizer.zero_grad()
            loss = F.mse_loss(x_all[index] @ w + b, y_all[index])
            losses.append(loss.item())
            loss.backward()
            optimizer.step()
    return w.detach().numpy(), float(b), np.array(losses, dtype=np.float64)


def regression_data(rng, n, d, noise=0.1):
    X = gaussian(rng, n, d)
    return X, X @ gaussian(rng, d) + rng.normal() + noise * gaussian(rng, n)


EXERCISE = Exercise(
    id="ex10_sgd",
    topic=10,
    framework="numpy",
    part_names=["minibatch_indices", "sgd_linear_regression"],
    probes={
        "minibatch_indices": lambda rng: [(7, 3, Rng(int(rng.integers(2**31))), False),
                                          (10, 4, Rng(int(rng.integers(2**31))), True),
                                          (12, 4, Rng(int(rng.integers(2**31))), False)],
        "sgd_linear_regression": lambda rng: [(*regression_data(rng, 7, 2), 0.05, 2, 3, Rng(int(rng.integers(2**31))))],
    },
)


def _expect_batches(got, expected, call):
    if not isinstance(got, (list, tuple)):
        raise Mismatch(f"{call}: ожидался список массивов индексов, получено {describe_type(got)}")
    sizes = [len(b) for b in expected]
    got_sizes = [len(b) if isinstance(b, np.ndarray) else None for b in got]
    expect(len(got) == len(expected), f"{call}: получено батчей {len(got)}, а должно быть {len(expected)}",
           f"размеры ваших батчей: {got_sizes}; нужные: {sizes}")
    for k, (batch, want) in enumerate(zip(got, expected, strict=True)):
        if not isinstance(batch, np.ndarray) or batch.ndim != 1:
            raise Mismatch(f"{call}: батч {k} — {describe_type(batch)}, а нужен одномерный numpy.ndarray")
        expect(batch.dtype.kind in "iu", f"{call}: батч {k} имеет тип {batch.dtype}, а нужны целые индексы (int64)")
        expect(batch.shape == want.shape, f"{call}: в батче {k} {batch.size} индексов, а должно быть {want.size}",
               f"размеры ваших батчей: {got_sizes}; нужные: {sizes}")
        expect(np.array_equal(batch, want), f"{call}: батч {k} равен {batch.tolist()[:20]}, "
                                            f"а должен быть {want.tolist()[:20]}",
               "батчи — подряд идущие куски одной перестановки rng.permutation(n)")


def _check_partition(student, n, batch_size, seed, drop_last):
    got = student.minibatch_indices(n, batch_size, Rng(seed), drop_last=drop_last)
    call = f"minibatch_indices(n={n}, batch_size={batch_size}, drop_last={drop_last})"
    _expect_batches(got, oracle_batches(n, batch_size, seed, drop_last)[0], call)


def _expect_sgd(student, X, y, lr, epochs, batch_size, seed, full_batch=False):
    got = expect_tuple(student.sgd_linear_regression(X, y, lr, epochs, batch_size, Rng(seed)), RESULT_NAMES,
                       name="sgd_linear_regression(...)")
    w_ref, b_ref, losses_ref = oracle_sgd(X, y, lr, epochs, batch_size, None if full_batch else seed)
    expect_array(got[2], losses_ref, name="losses", rtol=1e-9, atol=1e-12)
    expect_array(got[0], w_ref, name="w", rtol=1e-9, atol=1e-12)
    expect_scalar(got[1], b_ref, name="b", rtol=1e-9, atol=1e-12)
    return got


# -- 10.1 minibatch_indices ------------------------------------------------------------------


@EXERCISE.check("minibatch_indices", points=3,
                title="батчи совпадают с BatchSampler над rng.permutation(n) (как DataLoader(shuffle=True)), "
                      "хвост сохраняется")
def batches_match_dataloader(student, rng):
    for _ in range(4):
        batch_size = int(rng.integers(2, 9))
        n = int(batch_size * rng.integers(2, 6) + rng.integers(1, batch_size))  # n % batch_size != 0
        _check_partition(student, n, batch_size, int(rng.integers(2**31)), False)
    _check_partition(student, 12, 4, int(rng.integers(2**31)), False)


@EXERCISE.check("minibatch_indices", points=1, title="drop_last=True отбрасывает только неполный последний батч")
def drop_last_drops_the_tail(student, rng):
    for n, batch_size in [(int(rng.integers(11, 40)), 5), (12, 4), (3, 5)]:
        _check_partition(student, n, batch_size, int(rng.integers(2**31)), True)


@EXERCISE.check("minibatch_indices", points=1,
                title="крайние случаи: batch_size = 1, batch_size = n, batch_size > n, n = 1")
def edge_cases(student, rng):
    n = int(rng.integers(5, 12))
    for size, batch_size in [(n, 1), (n, n), (n, n + 3), (1, 1), (1, 4)]:
        _check_partition(student, size, batch_size, int(rng.integers(2**31)), False)


@EXERCISE.check("minibatch_indices", points=2,
                title="за эпоху каждый индекс ровно один раз; батчей ⌈n/B⌉ (⌊n/B⌋ при drop_last)")
@given(n=st.integers(1, 60), batch_size=st.integers(1, 16), seed=st.integers(0, 2**31 - 1), drop_last=st.booleans())
def partition_invariants(student, n, batch_size, seed, drop_last):
    got = student.minibatch_indices(n, batch_size, Rng(seed), drop_last=drop_last)
    call = f"minibatch_indices(n={n}, batch_size={batch_size}, drop_last={drop_last})"
    if not isinstance(got, (list, tuple)) or not all(isinstance(b, np.ndarray) and b.ndim == 1 for b in got):
        raise Mismatch(f"{call}: ожидался список одномерных массивов индексов, получено {describe_type(got)}")
    count = n // batch_size if drop_last else math.ceil(n / batch_size)
    expect(len(got) == count, f"{call}: получено батчей {len(got)}, а должно быть {count}")
    sizes = [len(b) for b in got]
    expect(all(s == batch_size for s in sizes[:n // batch_size]),
           f"{call}: размеры батчей {sizes}, а все полные батчи должны иметь размер {batch_size}")
    flat = np.concatenate(got) if got else np.zeros(0, dtype=np.int64)
    covered = n if not drop_last else count * batch_size
    expect(len(flat) == covered and len(np.unique(flat)) == covered and bool(np.all((flat >= 0) & (flat < n))),
           f"{call}: индексы {np.sort(flat).tolist()[:30]} — среди них повторы или числа вне [0, n), "
           f"а за эпоху каждый пример должен встретиться не больше одного раза"
           + ("" if drop_last else " и все n — ровно по разу"))


# -- 10.2 sgd_linear_regression --------------------------------------------------------------


@EXERCISE.check("sgd_linear_regression", points=3,
                title="w, b и потери на каждом шаге совпадают с torch.optim.SGD на тех же батчах "
                      "(3 эпохи, неполный последний батч)")
def sgd_matches_torch(student, rng):
    batch_size = int(rng.integers(3, 7))
    n = int(batch_size * rng.integers(3, 6) + rng.integers(1, batch_size))
    X, y = regression_data(rng, n, 3)
    _expect_sgd(student, X, y, 0.05, 3, batch_size, int(rng.integers(2**31)))


@EXERCISE.check("sgd_linear_regression", points=1,
                title="batch_size = 1 (классический SGD) совпадает с torch.optim.SGD")
def single_example_batches(student, rng):
    X, y = regression_data(rng, 9, 2)
    _expect_sgd(student, X, y, 0.02, 2, 1, int(rng.integers(2**31)))


@EXERCISE.check("sgd_linear_regression", points=1,
                title="batch_size = n — обычный (полный) градиентный спуск, как в torch")
def full_batch_is_gradient_descent(student, rng):
    X, y = regression_data(rng, 11, 4)
    _expect_sgd(student, X, y, 0.1, 15, 11, int(rng.integers(2**31)), full_batch=True)


@EXERCISE.check("sgd_linear_regression", points=2,
                title="сходится к решению наименьших квадратов (np.linalg.lstsq) с точностью 1e-2")
def converges_to_least_squares(student, rng):
    n, d = 200, 4
    X, y = regression_data(rng, n, d, noise=0.01)
    design = np.hstack([X, np.ones((n, 1))])
    solution = np.linalg.lstsq(design, y, rcond=None)[0]
    w, b, losses = expect_tuple(student.sgd_linear_regression(X, y, 0.05, 30, 10, Rng(int(rng.integers(2**31)))),
                                RESULT_NAMES, name="sgd_linear_regression(...)")
    expect_array(w, solution[:d], name="w (решение МНК)", rtol=0.0, atol=1e-2)
    expect_scalar(b, solution[d], name="b (решение МНК)", rtol=0.0, atol=1e-2)
    expect(isinstance(losses, np.ndarray) and losses.shape == (30 * 20,),
           f"losses: ожидался массив формы (600,) — 30 эпох по 20 батчей, получено {describe_type(losses)}")
