"""Wrong variant of exercise 2: leaky ReLU as max(alpha*x, x), valid only for alpha < 1."""

PART = "activation_forward"
TITLE = "Leaky ReLU как max(αx, x): верно только при α < 1"
HINTS = (
    "Сравните ответ при negative_slope = 1.5 и x = −2 с F.leaky_relu: там −3.",
    "max(αx, x) совпадает с «x при x > 0, иначе αx» лишь пока α < 1; PyTorch разрешает любой α.",
    "Выбирайте ветвь по знаку x: np.where(x > 0, x, negative_slope * x).",
)


def activation_forward(name, x, **params):
    if name == "leaky_relu":
        return np.maximum(params.get("negative_slope", 0.01) * x, x)
    if name == "sigmoid":
        return sigmoid(x)
    if name == "tanh":
        return np.tanh(x)
    if name == "relu":
        return np.maximum(x, 0.0)
    return np.clip(x, params.get("min_val", -1.0), params.get("max_val", 1.0))
