"""Wrong variant of exercise 10: the gradient of the summed (not averaged) squared error."""

PART = "sgd_linear_regression"
TITLE = "градиент суммы квадратов, а не среднего: шаг растёт с размером батча"
HINTS = (
    "Что будет с величиной шага, если увеличить batch_size вдвое?",
    "Потеря батча — среднее по его m примерам, поэтому в градиенте есть множитель 1/m.",
    "Градиент по w равен (2/m) · Xᵀr, где m = len(idx).",
)


def sgd_linear_regression(X, y, lr, epochs, batch_size, rng):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    losses = []
    for _ in range(epochs):
        for idx in minibatch_indices(n, batch_size, rng):
            residual = X[idx] @ w + b - y[idx]
            losses.append(np.mean(residual ** 2))
            w = w - lr * 2.0 * (X[idx].T @ residual)
            b = b - lr * 2.0 * residual.sum()
    return w, float(b), np.array(losses)
