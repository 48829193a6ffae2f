"""Wrong variant of exercise 1: X @ W instead of X @ W.T (weights of shape (out, in))."""

PART = "mlp_forward"
TITLE = "X @ W вместо X @ W.T: матрица весов хранится как (out, in)"
HINTS = (
    "Какая форма у W в слое с 3 входами и 5 выходами, и какая получается у X @ W?",
    "Веса хранятся как в torch.nn.Linear: (out, in). Строка W — веса одного выходного нейрона.",
    "Слой вычисляет H @ W.T + b.",
)


def mlp_forward(X, layers):
    H = X
    for W, b, activation in layers:
        H = _ACTIVATIONS[activation](H @ W + b)
    return H
