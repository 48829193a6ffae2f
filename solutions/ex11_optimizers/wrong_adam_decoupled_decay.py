"""Wrong variant of exercise 11: weight decay done as in AdamW (decoupled) in Adam."""

PART = "adam_step"
TITLE = "weight_decay как в AdamW (θ ← θ(1 − lr·λ) отдельно), а у torch.optim.Adam это L2 в градиенте"
HINTS = (
    "Без weight_decay ваш ответ верен. Куда у вас попадает слагаемое weight_decay·θ?",
    "torch.optim.Adam добавляет weight_decay·θ к градиенту, и оно проходит через m и v "
    "(и нормируется); «развязанное» затухание, не проходящее через моменты, — это AdamW.",
    "Положите g = grad + weight_decay·param в самом начале и дальше считайте m, v и шаг уже от этого g.",
)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    t = state.get("step", 0) + 1
    decayed = param * (1 - lr * weight_decay)
    m = beta1 * state.get("exp_avg", 0.0) + (1 - beta1) * grad
    v = beta2 * state.get("exp_avg_sq", 0.0) + (1 - beta2) * grad * grad
    m_hat, v_hat = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    return decayed - lr * m_hat / (np.sqrt(v_hat) + eps), {"step": t, "exp_avg": m, "exp_avg_sq": v}
