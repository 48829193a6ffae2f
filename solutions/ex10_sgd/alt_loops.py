"""Correct alternative for exercise 10: batches built with a while loop, gradients as explicit sums."""


def minibatch_indices(n, batch_size, rng, drop_last=False):
    order = rng.permutation(n)
    batches = []
    start = 0
    while start < n:
        batch = order[start:start + batch_size]
        if len(batch) == batch_size or not drop_last:
            batches.append(batch)
        start += batch_size
    return batches


def sgd_linear_regression(X, y, lr, epochs, batch_size, rng):
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for _ in range(epochs):
        for idx in minibatch_indices(n, batch_size, rng):
            m = len(idx)
            grad_w = np.zeros(d)
            grad_b = 0.0
            total = 0.0
            for i in idx:
                r = float(X[i] @ w) + b - y[i]
                total += r * r
                grad_w += 2.0 * r * X[i] / m
                grad_b += 2.0 * r / m
            losses.append(total / m)
            w = w - lr * grad_w
            b = b - lr * grad_b
    return w, b, np.asarray(losses, dtype=np.float64)
