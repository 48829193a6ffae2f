"""Wrong variant of exercise 11: Adam without bias correction of m and v."""

PART = "adam_step"
TITLE = "Adam без коррекции смещения (m и v не делятся на 1 − βᵗ)"
HINTS = (
    "Посчитайте первый шаг на бумаге: m = 0.1·g, v = 0.001·g². Какой получается |Δθ| и сколько должно быть?",
    "m и v начинаются с нуля, поэтому первые шаги они занижены в 1 − β₁ᵗ и 1 − β₂ᵗ раз; "
    "без поправки первый шаг примерно в 3.16 раза больше lr.",
    "Перед шагом поделите: m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ), где t — номер шага начиная с 1; "
    "в state храните неисправленные m и v.",
)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    g = grad + weight_decay * param
    m = beta1 * state.get("exp_avg", 0.0) + (1 - beta1) * g
    v = beta2 * state.get("exp_avg_sq", 0.0) + (1 - beta2) * g * g
    return param - lr * m / (np.sqrt(v) + eps), {"step": t, "exp_avg": m, "exp_avg_sq": v}
