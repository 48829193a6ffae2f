"""Wrong variant of ex24: gradients are always rescaled to max_norm, also scaled up when they are small."""

import numpy as np

PART = "clip_grad_norm"
TITLE = "малые градиенты растягиваются до max_norm (коэффициент применяется и при coef ≥ 1)"
HINTS = (
    "Что должно происходить с градиентом, норма которого уже меньше max_norm?",
    "Отсечение только уменьшает градиент: коэффициент применяют, лишь когда он меньше 1.",
    "coef = min(1, max_norm / (total + 1e-6)).",
)


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g**2) for g in grads)))
    coef = max_norm / (total + 1e-6)  # the mistake: applied even when coef >= 1
    return total, [g * coef for g in grads]
