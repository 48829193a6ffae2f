"""Wrong variant of exercise 8: W2 is updated before the hidden layer's delta is computed from it."""

PART = "train_gd"
TITLE = "W2 обновлён до того, как через него посчитан градиент скрытого слоя"
HINTS = (
    "Какие значения W2 участвуют у вас в вычислении градиента по W1: до шага или после?",
    "Все градиенты одного шага — производные в одной точке (текущих весах). Сначала весь обратный проход, "
    "потом обновление.",
    "Посчитайте dW1, db1, dW2, db2 при старых весах и только затем вычитайте lr · градиент из всех параметров.",
)


def train_gd(X, Y, W1, b1, W2, b2, lr, epochs):
    W1, b1, W2, b2 = W1.copy(), b1.copy(), W2.copy(), b2.copy()
    losses = np.empty(epochs)
    for t in range(epochs):
        A1 = np.tanh(X @ W1.T + b1)
        residual = A1 @ W2.T + b2 - Y
        losses[t] = np.mean(residual ** 2)
        dYhat = 2.0 * residual / residual.size
        W2 = W2 - lr * dYhat.T @ A1
        b2 = b2 - lr * dYhat.sum(axis=0)
        dZ1 = (dYhat @ W2) * (1.0 - A1 ** 2)    # uses the already updated W2
        W1 = W1 - lr * dZ1.T @ X
        b1 = b1 - lr * dZ1.sum(axis=0)
    return losses, {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
