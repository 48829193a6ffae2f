"""Wrong variant of exercise 8: the squared error averaged over the N examples only, not over all N*K entries."""

PART = "mlp_forward_backward"
TITLE = "MSE усреднена только по примерам батча (деление на N, а не на N·K)"
HINTS = (
    "Сравните вашу потерю с F.mse_loss при K = 1 и при K = 3: где расходится?",
    "nn.MSELoss() с reduction='mean' делит сумму квадратов на число всех элементов тензора, "
    "а не на размер батча.",
    "Делите на N·K (residual.size) и в потере, и в градиенте dL/dYhat.",
)


def mlp_forward_backward(X, Y, W1, b1, W2, b2):
    Z1 = X @ W1.T + b1
    A1 = np.tanh(Z1)
    residual = A1 @ W2.T + b2 - Y
    n = X.shape[0]
    dYhat = 2.0 * residual / n
    dZ1 = (dYhat @ W2) * (1.0 - A1 ** 2)
    return float((residual ** 2).sum() / n), {"X": dZ1 @ W1, "W1": dZ1.T @ X, "b1": dZ1.sum(axis=0),
                                              "W2": dYhat.T @ A1, "b2": dYhat.sum(axis=0)}
