"""Wrong variant of exercise 10: the gradient of mean(r**2) without the factor 2."""

PART = "sgd_linear_regression"
TITLE = "в градиенте MSE потерян множитель 2"
HINTS = (
    "Сравните ваш первый шаг с torch: во сколько раз отличаются изменения w?",
    "Производная r² по r равна 2r; градиент mean(r²) по w равен (2/m) Xᵀr.",
    "Умножьте градиенты по w и по b на 2.",
)


def sgd_linear_regression(X, y, lr, epochs, batch_size, rng):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    losses = []
    for _ in range(epochs):
        for idx in minibatch_indices(n, batch_size, rng):
            residual = X[idx] @ w + b - y[idx]
            losses.append(np.mean(residual ** 2))
            w = w - lr * (X[idx].T @ residual) / len(idx)
            b = b - lr * residual.sum() / len(idx)
    return w, float(b), np.array(losses)
