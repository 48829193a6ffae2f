"""Wrong variant of exercise 8: only the weight matrices are updated, the biases stay at their initial values."""

PART = "train_gd"
TITLE = "обновляются только матрицы весов, смещения b1 и b2 не обучаются"
HINTS = (
    "Сравните params[\"b1\"] после обучения с начальным b1.",
    "torch.optim.SGD обновляет все параметры, которые ему переданы, в том числе смещения.",
    "Сделайте шаг p ← p − lr · dL/dp для всех четырёх параметров: W1, b1, W2, b2.",
)


def train_gd(X, Y, W1, b1, W2, b2, lr, epochs):
    params = {"W1": W1.copy(), "b1": b1.copy(), "W2": W2.copy(), "b2": b2.copy()}
    losses = np.empty(epochs)
    for t in range(epochs):
        losses[t], grads = mlp_forward_backward(X, Y, params["W1"], params["b1"], params["W2"], params["b2"])
        params["W1"] = params["W1"] - lr * grads["W1"]
        params["W2"] = params["W2"] - lr * grads["W2"]
    return losses, params
