"""Wrong variant of exercise 11: Adam with eps under the square root."""

PART = "adam_step"
TITLE = "eps под корнем: √(v̂ + eps) вместо √v̂ + eps"
HINTS = (
    "При градиентах порядка 1 ошибка почти не видна. Попробуйте градиенты порядка 1e-8.",
    "√(v̂ + 1e-8) ≥ 1e-4, поэтому при крошечных градиентах знаменатель определяется eps, "
    "и шаг становится намного меньше lr; в PyTorch eps прибавляется к уже извлечённому корню.",
    "Знаменатель: np.sqrt(v_hat) + eps.",
)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    g = grad + weight_decay * param
    m = beta1 * state.get("exp_avg", 0.0) + (1 - beta1) * g
    v = beta2 * state.get("exp_avg_sq", 0.0) + (1 - beta2) * g * g
    m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    return param - lr * m_hat / np.sqrt(v_hat + eps), {"step": t, "exp_avg": m, "exp_avg_sq": v}
