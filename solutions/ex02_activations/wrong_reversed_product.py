"""Wrong variant of exercise 2: the matrices multiplied in list order, W_1 @ W_2 @ ... instead of W_L @ ... @ W_1."""

PART = "collapse_linear"
TITLE = "произведение матриц в обратном порядке (W₁W₂…W_L вместо W_L…W₂W₁)"
HINTS = (
    "Какой слой действует на x первым, и какая матрица должна стоять в произведении справа (ближе к x)?",
    "Для столбца x: y = W₂(W₁x + b₁) + b₂ = (W₂W₁)x + (W₂b₁ + b₂). Умножение матриц не коммутативно.",
    "Накапливайте W ← W_l @ W, двигаясь от первого слоя к последнему.",
)


def collapse_linear(weights, biases):
    W = weights[0]
    b = biases[0]
    for W_l, b_l in zip(weights[1:], biases[1:], strict=True):
        W = W @ W_l
        b = W_l @ b + b_l
    return W, b
