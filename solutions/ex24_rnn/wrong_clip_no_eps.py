"""Wrong variant of ex24: the clip coefficient is max_norm / total, without PyTorch's + 1e-6."""

import numpy as np

PART = "clip_grad_norm"
TITLE = "коэффициент max_norm / total без + 1e-6 в знаменателе"
HINTS = (
    "Ответ почти верен, а при малых нормах ошибка растёт. Какой точно коэффициент использует PyTorch?",
    "В clip_grad_norm_ знаменатель защищён от нуля маленькой добавкой, и она влияет на результат.",
    "coef = max_norm / (total + 1e-6); умножайте на него, только если он меньше 1.",
)


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g**2) for g in grads)))
    if total > max_norm:  # the mistake: coef = max_norm / total, no 1e-6
        return total, [g * (max_norm / total) for g in grads]
    return total, [g.copy() for g in grads]
