"""Wrong variant of exercise 8: the derivative of the squared error without the factor 2."""

PART = "mlp_forward_backward"
TITLE = "в производной квадрата ошибки потерян множитель 2"
HINTS = (
    "Во сколько раз ваши градиенты отличаются от autograd? Одинаково ли это отношение для всех весов?",
    "Производная (ŷ − y)² по ŷ равна 2(ŷ − y), а не (ŷ − y).",
    "dL/dYhat = 2 · (Yhat − Y) / (N·K).",
)


def mlp_forward_backward(X, Y, W1, b1, W2, b2):
    Z1 = X @ W1.T + b1
    A1 = np.tanh(Z1)
    residual = A1 @ W2.T + b2 - Y
    dYhat = residual / residual.size
    dZ1 = (dYhat @ W2) * (1.0 - A1 ** 2)
    return float(np.mean(residual ** 2)), {"X": dZ1 @ W1, "W1": dZ1.T @ X, "b1": dZ1.sum(axis=0),
                                           "W2": dYhat.T @ A1, "b2": dYhat.sum(axis=0)}
