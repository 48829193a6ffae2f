"""Wrong variant of exercise 2: tanh by its exponential definition, which gives inf/inf = nan for |x| > 710."""

PART = "activation_forward"
TITLE = "tanh по формуле (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ): при |x| > 710 получается inf/inf = NaN"
HINTS = (
    "Вычислите вашу функцию при x = 800. Что даёт np.exp(800.0)?",
    "Формула из определения верна математически, но в float64 и числитель, и знаменатель переполняются.",
    "Используйте np.tanh или тождество tanh(x) = 2σ(2x) − 1 с устойчивой сигмоидой.",
)


def activation_forward(name, x, **params):
    if name == "tanh":
        return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))
    if name == "sigmoid":
        return sigmoid(x)
    if name == "relu":
        return np.maximum(x, 0.0)
    if name == "leaky_relu":
        slope = params.get("negative_slope", 0.01)
        return np.where(x > 0, x, slope * x)
    return np.clip(x, params.get("min_val", -1.0), params.get("max_val", 1.0))
