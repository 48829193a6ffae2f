"""Wrong variant of exercise 2: sigma'(x) written as x * (1 - x), the output formula applied to the input."""

PART = "activation_backward"
TITLE = "производная сигмоиды как x(1 − x) (и tanh как 1 − x²): формула через выход применена ко входу"
HINTS = (
    "Чему равна производная сигмоиды при x = 3? Может ли она быть отрицательной?",
    "Формулы σ′ = σ(1 − σ) и tanh′ = 1 − tanh² выражают производную через выход слоя y = f(x), "
    "а вам передан вход x.",
    "Сначала вычислите y = σ(x) (или tanh(x)), затем grad_output · y(1 − y) (или grad_output · (1 − y²)).",
)


def activation_backward(name, x, grad_output, **params):
    if name == "sigmoid":
        return grad_output * x * (1.0 - x)
    if name == "tanh":
        return grad_output * (1.0 - x * x)
    if name == "relu":
        return grad_output * (x > 0)
    if name == "leaky_relu":
        return grad_output * np.where(x > 0, 1.0, params.get("negative_slope", 0.01))
    low, high = params.get("min_val", -1.0), params.get("max_val", 1.0)
    return grad_output * ((x > low) & (x < high))
