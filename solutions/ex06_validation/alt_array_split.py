"""Correct alternative for exercise 6: np.array_split for the folds, a counter-free early-stopping loop."""


def kfold_indices(n, k, rng=None):
    if k < 2 or k > n:
        raise ValueError("k must satisfy 2 <= k <= n")
    order = np.arange(n) if rng is None else rng.permutation(n)
    result = []
    for fold in np.array_split(order, k):      # array_split gives the extra elements to the first folds
        val = np.sort(fold)
        result.append((np.setdiff1d(np.arange(n), val), val))
    return result


def train_val_test_split(n, val_fraction, test_fraction, rng):
    if val_fraction <= 0 or val_fraction >= 1 or test_fraction <= 0 or test_fraction >= 1:
        raise ValueError("bad fractions")
    n_test = -int(-(n * test_fraction) // 1)    # ceil without math
    n_val = -int(-(n * val_fraction) // 1)
    if n_test + n_val >= n:
        raise ValueError("no training samples left")
    order = rng.permutation(n)
    cuts = np.split(order, [n_test, n_test + n_val])
    test, val, train = (np.sort(c) for c in cuts)
    return train, val, test


def early_stopping(val_losses, patience, min_delta=0.0):
    losses = [float(v) for v in val_losses]
    if not losses or patience < 0 or min_delta < 0:
        raise ValueError("bad arguments")
    best_epoch = 0                             # epoch 0 always improves on +inf
    for epoch in range(1, len(losses)):
        if losses[epoch] < losses[best_epoch] - min_delta:
            best_epoch = epoch
        elif epoch - best_epoch >= patience:   # the epochs since the best are exactly the waiting ones
            return best_epoch, epoch
    return best_epoch, len(losses) - 1
