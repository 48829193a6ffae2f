"""Wrong variant of exercise 11: the step counter used before it is incremented (t = 0 on the first step)."""

PART = "adam_step"
TITLE = "счётчик шагов начинается с 0: в коррекции смещения на первом шаге 1 − β⁰ = 0"
HINTS = (
    "Откуда на первом же шаге берутся NaN или бесконечности?",
    "Коррекция делит на 1 − βᵗ; при t = 0 это деление на ноль. "
    "Номер шага в формулах Adam начинается с единицы.",
    "Сначала увеличьте счётчик (t = state.get('step', 0) + 1), затем используйте t в 1 − β₁ᵗ и 1 − β₂ᵗ, "
    "и сохраните в state именно это t.",
)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    t = state.get("step", 0)
    g = grad + weight_decay * param
    m = beta1 * state.get("exp_avg", 0.0) + (1 - beta1) * g
    v = beta2 * state.get("exp_avg_sq", 0.0) + (1 - beta2) * g * g
    with np.errstate(divide="ignore", invalid="ignore"):
        m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
        new_param = param - lr * m_hat / (np.sqrt(v_hat) + eps)
    return new_param, {"step": t + 1, "exp_avg": m, "exp_avg_sq": v}
