"""Wrong variant of ex39: the quadratic part of Smooth L1 is not divided by beta."""

import torch

PART = "smooth_l1_loss"
TITLE = "квадратичная часть Smooth L1 не делится на beta"
HINTS = (
    "При beta = 1 ответ верен? Проверьте beta = 0.5: непрерывна ли ваша функция в точке d = beta?",
    "Две ветви должны сходиться при d = beta: d − beta/2 = beta/2, значит квадратичная ветвь в этой точке "
    "тоже равна beta/2.",
    "Квадратичная ветвь — 0.5 · d² / beta.",
)


def smooth_l1_loss(input, target, beta=1.0, reduction="mean"):
    d = (input - target).abs()
    return _reduce(torch.where(d < beta, 0.5 * d ** 2, d - 0.5 * beta), reduction)
