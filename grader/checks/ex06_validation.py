"""Checks of exercise 6: k-fold indices, a three-way split and early stopping.

Oracles are written here from the stated rules (sklearn's KFold fold sizes, the ceil
rounding of train_test_split, PyTorch Lightning's EarlyStopping in mode "min") and are
computed at grade time on inputs that vary with the seed; invariants (partition, sizes,
sorted order) and Hypothesis properties complete them.
"""

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader.compare import expect, expect_int, expect_raises, expect_tuple
from grader.exercise import Exercise
from grader.wire import Rng


def _stopping_probes(rng):
    """Curves that tell the catalogued early-stopping mistakes apart (a dip after a jump, a plateau)."""
    return [(np.array([1.0, 0.5, 0.9, 0.8, 0.7, 0.6, 0.55, 0.52]), 2),
            (np.array([1.0, 0.8, 0.8, 0.8, 0.8, 0.7, 0.9, 0.95]), 2),
            (np.array([1.0, 0.9, 0.95, 0.97, 0.99, 0.4]), 3)]


EXERCISE = Exercise(
    id="ex06_validation",
    topic=6,
    framework="numpy",
    part_names=["kfold_indices", "train_val_test_split", "early_stopping"],
    probes={"early_stopping": _stopping_probes},
)


# -- oracles ----------------------------------------------------------------------------------


def _kfold(n, k, seed=None):
    order = np.arange(n) if seed is None else np.random.default_rng(seed).permutation(n)
    sizes = [n // k + (1 if i < n % k else 0) for i in range(k)]
    folds, start = [], 0
    for size in sizes:
        val = np.sort(order[start:start + size])
        folds.append((np.setdiff1d(np.arange(n), val), val))
        start += size
    return folds


def _split(n, val_fraction, test_fraction, seed):
    order = np.random.default_rng(seed).permutation(n)
    n_test, n_val = math.ceil(n * test_fraction), math.ceil(n * val_fraction)
    return (np.sort(order[n_test + n_val:]), np.sort(order[n_test:n_test + n_val]), np.sort(order[:n_test]))


def _early_stopping(losses, patience, min_delta=0.0):
    best, best_epoch, wait = math.inf, 0, 0
    for epoch, loss in enumerate(losses):
        if loss < best - min_delta:
            best, best_epoch, wait = loss, epoch, 0
        else:
            wait += 1
            if wait >= patience:
                return best_epoch, epoch
    return best_epoch, len(losses) - 1


# -- comparisons ------------------------------------------------------------------------------


def _show(a):
    a = np.asarray(a)
    text = np.array2string(a[:20], separator=", ", max_line_width=200)
    return text if a.size <= 20 else text[:-1] + ", …]"


def _expect_indices(got, expected, name):
    expect(isinstance(got, np.ndarray), f"{name}: ожидался numpy.ndarray, получено {type(got).__name__}")
    expect(got.dtype.kind in "iu", f"{name}: тип элементов {got.dtype}, а нужны целые индексы (int64)")
    expect(got.ndim == 1, f"{name}: массив формы {got.shape}, а нужен одномерный")
    expect(got.shape == expected.shape and np.array_equal(got, expected),
           f"{name}: получено {_show(got)} ({got.size} шт.)",
           f"{' ' * len(name)}  ожидалось {_show(expected)} ({expected.size} шт.)")


def _expect_folds(got, expected, label):
    expect(isinstance(got, (list, tuple)) and len(got) == len(expected),
           f"{label}: ожидался список из {len(expected)} пар (train_idx, val_idx), "
           f"получено {type(got).__name__}" + (f" из {len(got)} элементов" if isinstance(got, (list, tuple)) else ""))
    for i, (pair, (train, val)) in enumerate(zip(got, expected, strict=True)):
        got_train, got_val = expect_tuple(pair, ("train_idx", "val_idx"), name=f"{label}, фолд {i}")
        _expect_indices(got_val, val, f"{label}, фолд {i}: val_idx")
        _expect_indices(got_train, train, f"{label}, фолд {i}: train_idx")


def _n_and_k(rng):
    """k in 2..6 and n = k·m + r with a non-zero remainder r, so that unequal folds show."""
    k = int(rng.integers(3, 7))
    return k * int(rng.integers(1, 5)) + int(rng.integers(1, k)), k


# -- 6.1 kfold_indices ------------------------------------------------------------------------


@EXERCISE.check("kfold_indices", points=2,
                title="без перемешивания совпадает с KFold: первые n % k фолдов на один элемент длиннее")
def kfold_matches_oracle(student, rng):
    n, k = _n_and_k(rng)
    for n_, k_ in [(10, 4), (n, k), (7, 7), (5, 2)]:
        _expect_folds(student.kfold_indices(n_, k_), _kfold(n_, k_), f"kfold_indices(n={n_}, k={k_})")


@EXERCISE.check("kfold_indices", points=2,
                title="с rng: порядок rng.permutation(n), фолды — его подряд идущие куски (точное совпадение)")
def kfold_shuffled_matches_oracle(student, rng):
    for _ in range(2):
        n, k = _n_and_k(rng)
        seed = int(rng.integers(2**31))
        _expect_folds(student.kfold_indices(n, k, Rng(seed)), _kfold(n, k, seed),
                      f"kfold_indices(n={n}, k={k}, rng=default_rng({seed}))")


@EXERCISE.check("kfold_indices", points=1,
                title="свойство: валидационные фолды разбивают 0..n−1, train — дополнение, размеры отличаются ≤ 1",
                examples=15)
@given(k=st.integers(2, 8), extra=st.integers(0, 20), seed=st.integers(0, 2**31 - 1))
def kfold_invariants(student, k, extra, seed):
    n = k + extra
    folds = student.kfold_indices(n, k, Rng(seed))
    label = f"kfold_indices(n={n}, k={k}, rng)"
    expect(isinstance(folds, (list, tuple)) and len(folds) == k, f"{label}: нужно ровно k = {k} пар")
    seen = []
    for i, pair in enumerate(folds):
        train, val = (np.asarray(a) for a in expect_tuple(pair, ("train_idx", "val_idx"), name=f"{label}, фолд {i}"))
        expect(val.size in (n // k, n // k + 1),
               f"{label}, фолд {i}: {val.size} элементов, а должно быть {n // k} или {n // k + 1}")
        expect(np.array_equal(np.sort(np.concatenate([train, val])), np.arange(n)),
               f"{label}, фолд {i}: train_idx и val_idx вместе не дают каждый индекс 0..{n - 1} ровно один раз")
        seen.append(val)
    everything = np.sort(np.concatenate(seen))
    expect(np.array_equal(everything, np.arange(n)),
           f"{label}: валидационные фолды вместе должны содержать каждый индекс ровно один раз",
           f"повторяются: {_show(np.unique(everything[1:][np.diff(everything) == 0]))}; "
           f"не попали ни в один фолд: {_show(np.setdiff1d(np.arange(n), everything))}")


@EXERCISE.check("kfold_indices", points=1, title="k < 2 и k > n — ValueError")
def kfold_rejects_bad_k(student, rng):
    n = int(rng.integers(3, 9))
    expect_raises(lambda: student.kfold_indices(n, 1), "ValueError", f"kfold_indices(n={n}, k=1)")
    expect_raises(lambda: student.kfold_indices(n, n + 1), "ValueError", f"kfold_indices(n={n}, k={n + 1})")


# -- 6.2 train_val_test_split -----------------------------------------------------------------


def _expect_split(student, n, val_fraction, test_fraction, seed):
    label = f"train_val_test_split(n={n}, val_fraction={val_fraction}, test_fraction={test_fraction}, rng)"
    got = expect_tuple(student.train_val_test_split(n, val_fraction, test_fraction, Rng(seed)),
                       ("train_idx", "val_idx", "test_idx"), name=label)
    for name, part, want in zip(("train_idx", "val_idx", "test_idx"), got, _split(n, val_fraction, test_fraction, seed),
                                strict=True):
        _expect_indices(part, want, f"{label}: {name}")
    return got


@EXERCISE.check("train_val_test_split", points=2,
                title="совпадает с правилом: order = rng.permutation(n), сначала test, затем val, остальное — train")
def split_matches_oracle(student, rng):
    for _ in range(3):
        n = int(rng.integers(8, 60))
        val_fraction = round(float(rng.uniform(0.05, 0.3)), 2)
        test_fraction = round(float(rng.uniform(0.05, 0.3)), 2)
        _expect_split(student, n, val_fraction, test_fraction, int(rng.integers(2**31)))


@EXERCISE.check("train_val_test_split", points=1,
                title="размеры val и test округляются вверх: n=10, доли 0.15 и 0.25 → train 5, val 2, test 3 "
                      "(и ещё два случая)")
def split_rounds_up(student, rng):
    seed = int(rng.integers(2**31))
    for n, val_fraction, test_fraction, sizes in [(10, 0.15, 0.25, (5, 2, 3)), (7, 0.1, 0.1, (5, 1, 1)),
                                                  (21, 0.2, 0.1, (13, 5, 3))]:
        got = _expect_split(student, n, val_fraction, test_fraction, seed)
        expect(tuple(a.size for a in got) == sizes, f"размеры {tuple(a.size for a in got)}, а должны быть {sizes}")


@EXERCISE.check("train_val_test_split", points=1,
                title="разбиение: части не пересекаются, покрывают 0..n−1, зависят от rng; "
                      "без места для train — ValueError")
def split_invariants(student, rng):
    n = int(rng.integers(20, 40))
    seeds = [int(s) for s in rng.integers(2**31, size=2)]
    first, second = (student.train_val_test_split(n, 0.2, 0.2, Rng(s)) for s in seeds)
    for name, parts in (("rng_1", first), ("rng_2", second)):
        parts = expect_tuple(parts, ("train_idx", "val_idx", "test_idx"), name=f"результат с {name}")
        union = np.sort(np.concatenate([np.asarray(p) for p in parts]))
        expect(np.array_equal(union, np.arange(n)),
               f"с {name}: train, val и test вместе должны содержать каждый индекс 0..{n - 1} ровно один раз")
    expect(not np.array_equal(np.asarray(first[2]), np.asarray(second[2])),
           f"test_idx одинаковы при двух разных генераторах ({seeds[0]} и {seeds[1]}): перемешивание не использует rng")
    expect_raises(lambda: student.train_val_test_split(3, 0.5, 0.5, Rng(seeds[0])), "ValueError",
                  "train_val_test_split(n=3, val_fraction=0.5, test_fraction=0.5) — на train ничего не остаётся")


# -- 6.3 early_stopping -----------------------------------------------------------------------


def _curve(rng, epochs):
    """A validation curve: fast decrease, then a noisy minimum, then slow overfitting."""
    t = np.arange(epochs)
    turn = rng.uniform(0.3, 0.7) * epochs
    curve = 1.5 * np.exp(-t / rng.uniform(2.0, 5.0)) + 0.002 * np.maximum(t - turn, 0) ** 2 + 0.3
    return np.round(curve + rng.normal(0, 0.02, size=epochs), 3)


def _expect_stopping(student, losses, patience, min_delta=None):
    args = (losses, patience) if min_delta is None else (losses, patience, min_delta)
    label = f"early_stopping(patience={patience}" + ("" if min_delta is None else f", min_delta={min_delta}") + ")"
    got = expect_tuple(student.early_stopping(*args), ("best_epoch", "stop_epoch"), name=label)
    best, stop = _early_stopping(losses, patience, 0.0 if min_delta is None else min_delta)
    expect_int(got[0], best, name=f"{label}: best_epoch")
    expect_int(got[1], stop, name=f"{label}: stop_epoch")


@EXERCISE.check("early_stopping", points=2,
                title="на зашумлённых U-образных кривых best_epoch и stop_epoch совпадают с правилом Lightning")
def stopping_matches_oracle(student, rng):
    for patience in (1, 3, int(rng.integers(2, 7))):
        _expect_stopping(student, _curve(rng, int(rng.integers(25, 45))), patience)


@EXERCISE.check("early_stopping", points=2,
                title="min_delta: улучшение — только если потеря меньше best − min_delta; равенство — не улучшение")
def stopping_min_delta_and_ties(student, rng):
    start = round(float(rng.uniform(1.0, 2.0)), 2)
    small = [start, start - 0.3, start - 0.35, start - 0.38, start - 0.5, start - 0.52, start - 0.53, start - 0.55]
    _expect_stopping(student, np.array(small), 2, 0.05)
    _expect_stopping(student, np.array(small), 3, 0.01)
    ties = np.array([start, start - 0.4, start - 0.4, start - 0.5, start - 0.5, start - 0.5, start - 0.6])
    _expect_stopping(student, ties, 2)
    _expect_stopping(student, [float(v) for v in ties], 3)


@EXERCISE.check("early_stopping", points=2,
                title="крайние случаи: одна эпоха, patience=0, рост с первой эпохи, улучшение в последней эпохе")
def stopping_edge_cases(student, rng):
    epochs = int(rng.integers(6, 12))
    level = round(float(rng.uniform(0.5, 2.0)), 2)
    patience = int(rng.integers(2, 5))
    cases = [
        (np.array([level]), patience),                               # one epoch: (0, 0)
        (np.full(epochs, level), patience),                          # never improves after epoch 0: (0, patience)
        (level + 0.1 * np.arange(epochs), patience),                 # rises from the start
        (level - 0.05 * np.arange(epochs), patience),                # improves every epoch, the last one too
        (np.array([level, level - 0.1, level - 0.05, level - 0.2]), 0),   # patience 0: the first bad epoch stops
        (np.array([level, level + 0.1, level - 0.3]), 5),           # patience longer than the run
    ]
    for losses, p in cases:
        _expect_stopping(student, losses, p)


@EXERCISE.check("early_stopping", points=1,
                title="свойство: совпадает с правилом на случайных кривых с повторами значений (Hypothesis)",
                examples=25)
@given(values=st.lists(st.integers(0, 6), min_size=1, max_size=15), patience=st.integers(0, 4),
       min_delta=st.sampled_from([0.0, 0.5, 1.5]))
def stopping_property(student, values, patience, min_delta):
    _expect_stopping(student, np.array(values, dtype=np.float64), patience, min_delta)
