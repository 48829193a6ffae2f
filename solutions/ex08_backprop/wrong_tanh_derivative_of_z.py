"""Wrong variant of exercise 8: tanh' written as 1 - Z1**2 (the pre-activation) instead of 1 - A1**2."""

PART = "mlp_forward_backward"
TITLE = "производная tanh взята как 1 − z² от входа слоя, а не 1 − tanh(z)²"
HINTS = (
    "Сравните ваш градиент по W1 с конечной разностью при z порядка 2: совпадает ли он?",
    "Формула tanh'(z) = 1 − tanh(z)² записана через выход нейрона, а не через его вход.",
    "Умножайте dA1 на (1 − A1²), где A1 = tanh(Z1) сохранён с прямого прохода.",
)


def mlp_forward_backward(X, Y, W1, b1, W2, b2):
    Z1 = X @ W1.T + b1
    A1 = np.tanh(Z1)
    residual = A1 @ W2.T + b2 - Y
    dYhat = 2.0 * residual / residual.size
    dA1 = dYhat @ W2
    dZ1 = dA1 * (1.0 - Z1 ** 2)
    return float(np.mean(residual ** 2)), {"X": dZ1 @ W1, "W1": dZ1.T @ X, "b1": dZ1.sum(axis=0),
                                           "W2": dYhat.T @ A1, "b2": dYhat.sum(axis=0)}
