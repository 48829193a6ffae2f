"""Wrong variant of exercise 8: weight gradients as A.T @ delta, i.e. transposed for the (out, in) layout."""

PART = "mlp_forward_backward"
TITLE = "градиенты весов транспонированы: Aᵀδ вместо δᵀA при раскладке W формы (out, in)"
HINTS = (
    "Сравните форму вашего grads[\"W1\"] с формой W1.",
    "Формула Xᵀδ верна для весов формы (in, out), как в Y = X W; у nn.Linear веса (out, in) и Y = X Wᵀ.",
    "dW1 = dZ1.T @ X имеет форму (H, D), dW2 = dYhat.T @ A1 — форму (K, H).",
)


def mlp_forward_backward(X, Y, W1, b1, W2, b2):
    Z1 = X @ W1.T + b1
    A1 = np.tanh(Z1)
    residual = A1 @ W2.T + b2 - Y
    dYhat = 2.0 * residual / residual.size
    dZ1 = (dYhat @ W2) * (1.0 - A1 ** 2)
    return float(np.mean(residual ** 2)), {"X": dZ1 @ W1, "W1": X.T @ dZ1, "b1": dZ1.sum(axis=0),
                                           "W2": A1.T @ dYhat, "b2": dYhat.sum(axis=0)}
