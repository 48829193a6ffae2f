"""Exercise 6: k-fold cross-validation, a train/validation/test split and early stopping in NumPy (topic 6).

Implement the three functions below; each is one part of the exercise. NumPy only:
importing torch, scipy, sklearn or other machine-learning libraries is not allowed here.
Randomness comes only from the ``rng`` argument (a ``np.random.Generator``); never use
``np.random.seed`` or the global ``np.random`` functions.
Grade your work with `grade exercise 6` (a single part: `grade exercise 6.3`).
"""

import numpy as np


def kfold_indices(n: int, k: int, rng: np.random.Generator | None = None) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train and validation indices of k-fold cross-validation, like sklearn's ``KFold``.

    n: the number of samples; k: the number of folds, 2 <= k <= n (otherwise raise ValueError).
    rng: None — no shuffling, order = np.arange(n); or a np.random.Generator — then
         order = rng.permutation(n), drawn exactly once.
    ``order`` is cut into k consecutive folds: the first n % k folds have n // k + 1
    elements, the others n // k (n=10, k=4 gives sizes 3, 3, 2, 2).
    Returns a list of k pairs (train_idx, val_idx): val_idx holds the indices of fold i,
    train_idx all the other indices. Both are int64 arrays sorted in ascending order.
    """
    raise NotImplementedError("ex06.1: implement kfold_indices")


def train_val_test_split(n: int, val_fraction: float, test_fraction: float,
                         rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shuffle the indices 0..n-1 and split them into training, validation and test sets.

    Sizes: n_test = math.ceil(n * test_fraction), n_val = math.ceil(n * val_fraction),
    n_train = n - n_test - n_val (the rounding rule of sklearn's train_test_split).
    Raise ValueError unless 0 < val_fraction < 1, 0 < test_fraction < 1 and n_train >= 1.
    With order = rng.permutation(n) (drawn exactly once): test = order[:n_test],
    val = order[n_test:n_test + n_val], train = the rest.
    Returns (train_idx, val_idx, test_idx): int64 arrays, each sorted in ascending order.
    """
    raise NotImplementedError("ex06.2: implement train_val_test_split")


def early_stopping(val_losses, patience: int, min_delta: float = 0.0) -> tuple[int, int]:
    """When early stopping halts training, and which epoch's weights it keeps.

    val_losses: a non-empty 1-D sequence (list or float64 array) of finite validation
    losses, one per epoch, epochs numbered from 0. patience: an int >= 0; min_delta: a float >= 0.
    Rule (PyTorch Lightning's EarlyStopping with mode="min"): best = +inf, wait = 0; for each
    epoch t in order: if val_losses[t] < best - min_delta, it is an improvement: best =
    val_losses[t], best_epoch = t, wait = 0; otherwise wait += 1, and training stops at
    epoch t as soon as wait >= patience. If it never stops, stop_epoch = len(val_losses) - 1.
    A loss equal to best is not an improvement. Losses after stop_epoch are never looked at.
    Returns (best_epoch, stop_epoch) as Python ints.
    """
    raise NotImplementedError("ex06.3: implement early_stopping")
