"""Wrong variant of ex24: every array is clipped by its own norm instead of the global norm."""

import numpy as np

PART = "clip_grad_norm"
TITLE = "каждый массив отсекается по своей норме, а не по общей"
HINTS = (
    "Чему равна общая норма всех массивов после вашего отсечения? Сравните её с max_norm.",
    "clip_grad_norm_ считает одну норму по всем элементам всех массивов и один коэффициент для всех.",
    "Сначала total = sqrt(сумма квадратов по всем массивам), потом один coef, на который умножаются все массивы.",
)


def clip_grad_norm(grads, max_norm):
    total = float(np.sqrt(sum(np.sum(g**2) for g in grads)))
    out = []
    for g in grads:
        coef = max_norm / (np.linalg.norm(g) + 1e-6)  # the mistake: the norm of this array only
        out.append(g * coef if coef < 1.0 else g.copy())
    return total, out
