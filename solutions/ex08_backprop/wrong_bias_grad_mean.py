"""Wrong variant of exercise 8: bias gradients averaged over the batch although dL/dYhat already holds 1/(N*K)."""

PART = "mlp_forward_backward"
TITLE = "градиенты смещений усреднены по батчу ещё раз (mean вместо sum)"
HINTS = (
    "Совпадают ли ваши градиенты по b1 и b2 при N = 1? А при N = 4?",
    "Деление на размер батча уже сидит в dL/dYhat; смещение прибавляется к каждому примеру, "
    "и вклады примеров нужно сложить, а не усреднить.",
    "db = dZ.sum(axis=0): сумма по оси батча, без повторного деления на N.",
)


def mlp_forward_backward(X, Y, W1, b1, W2, b2):
    Z1 = X @ W1.T + b1
    A1 = np.tanh(Z1)
    residual = A1 @ W2.T + b2 - Y
    dYhat = 2.0 * residual / residual.size
    dZ1 = (dYhat @ W2) * (1.0 - A1 ** 2)
    return float(np.mean(residual ** 2)), {"X": dZ1 @ W1, "W1": dZ1.T @ X, "b1": dZ1.mean(axis=0),
                                           "W2": dYhat.T @ A1, "b2": dYhat.mean(axis=0)}
