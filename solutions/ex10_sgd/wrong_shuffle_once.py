"""Wrong variant of exercise 10: the batches are drawn once and reused in every epoch."""

PART = "sgd_linear_regression"
TITLE = "перемешивание один раз до обучения: все эпохи идут в одном и том же порядке"
HINTS = (
    "Совпадает ли у вас порядок батчей во второй эпохе с порядком в первой?",
    "DataLoader с shuffle=True делает новую перестановку в начале каждой эпохи.",
    "Вызывайте minibatch_indices(n, batch_size, rng) внутри цикла по эпохам.",
)


def sgd_linear_regression(X, y, lr, epochs, batch_size, rng):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    losses = []
    batches = minibatch_indices(n, batch_size, rng)
    for _ in range(epochs):
        for idx in batches:
            residual = X[idx] @ w + b - y[idx]
            losses.append(np.mean(residual ** 2))
            w = w - lr * 2.0 * (X[idx].T @ residual) / len(idx)
            b = b - lr * 2.0 * residual.sum() / len(idx)
    return w, float(b), np.array(losses)
