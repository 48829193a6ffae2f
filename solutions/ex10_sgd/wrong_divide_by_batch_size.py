"""Wrong variant of exercise 10: the gradient divided by batch_size even for the shorter last batch."""

PART = "sgd_linear_regression"
TITLE = "градиент делится на batch_size, а не на число примеров в батче (ошибка на неполном батче)"
HINTS = (
    "Совпадают ли ваши шаги с torch на всех батчах эпохи или только на полных?",
    "Последний батч эпохи может быть короче batch_size; F.mse_loss усредняет по тем примерам, что в нём есть.",
    "Делите на m = len(idx), а не на batch_size.",
)


def sgd_linear_regression(X, y, lr, epochs, batch_size, rng):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    losses = []
    for _ in range(epochs):
        for idx in minibatch_indices(n, batch_size, rng):
            residual = X[idx] @ w + b - y[idx]
            losses.append(np.mean(residual ** 2))
            w = w - lr * 2.0 * (X[idx].T @ residual) / batch_size
            b = b - lr * 2.0 * residual.sum() / batch_size
    return w, float(b), np.array(losses)
