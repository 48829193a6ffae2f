"""Wrong variant of exercise 2: the biases of earlier layers are not pushed through the later weights."""

PART = "collapse_linear"
TITLE = "смещения не проведены через следующие слои: b = сумма «как есть» или только последнее смещение"
HINTS = (
    "Распишите два слоя: W₂(W₁x + b₁) + b₂. Во что превращается b₁?",
    "Смещение раннего слоя проходит через все следующие матрицы, как и x.",
    "b = W_L…W₂b₁ + … + W_L b_{L−1} + b_L; удобно обновлять b ← W_l @ b + b_l вместе с W.",
)


def collapse_linear(weights, biases):
    W = np.eye(weights[0].shape[1])
    for W_l in weights:
        W = W_l @ W
    return W, biases[-1] + 0.0
