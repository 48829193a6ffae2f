"""Wrong variant of exercise 35: GELU's derivative taken as Phi(x), the product rule forgotten."""

PART = "gelu_and_grad"
TITLE = "производная GELU взята как Φ(x): забыто правило произведения"
HINTS = (
    "GELU(x) = x·Φ(x) — произведение двух функций от x. Как дифференцируется произведение?",
    "Проверьте себя в точке x = −1: производная GELU там отрицательна (≈ −0.083), а Φ(−1) > 0.",
    "(x·Φ(x))′ = Φ(x) + x·φ(x), где φ(x) = exp(−x²/2)/√(2π); для tanh-режима тоже дифференцируйте "
    "и множитель x, и tanh.",
)


def gelu_and_grad(x, grad_output, approximate="none"):
    if approximate == "tanh":
        t = torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x**3))
        return 0.5 * x * (1.0 + t), grad_output * 0.5 * (1.0 + t)
    cdf = 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0)))
    return x * cdf, grad_output * cdf
