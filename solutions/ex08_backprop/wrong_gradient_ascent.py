"""Wrong variant of exercise 8: the update adds the gradient (gradient ascent)."""

PART = "train_gd"
TITLE = "шаг в сторону градиента (p + lr·grad): потеря растёт"
HINTS = (
    "Посмотрите на losses: уменьшается ли потеря от шага к шагу?",
    "Градиент показывает направление наибольшего роста функции; чтобы её уменьшить, идут в обратную сторону.",
    "Обновление: p ← p − lr · dL/dp.",
)


def train_gd(X, Y, W1, b1, W2, b2, lr, epochs):
    params = {"W1": W1.copy(), "b1": b1.copy(), "W2": W2.copy(), "b2": b2.copy()}
    losses = np.empty(epochs)
    for t in range(epochs):
        losses[t], grads = mlp_forward_backward(X, Y, params["W1"], params["b1"], params["W2"], params["b2"])
        for name in params:
            params[name] += lr * grads[name]
    return losses, params
