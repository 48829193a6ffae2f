"""Wrong variant of ex39: pos_weight multiplies the negative term instead of the positive one."""

import torch

PART = "bce_with_logits"
TITLE = "pos_weight умножает слагаемое отрицательных меток"
HINTS = (
    "Без pos_weight ответ верен? Проверьте пример с y = 1 и y = 0 при pos_weight = 3.",
    "pos_weight нужен, чтобы усилить редкий положительный класс: он умножает y·log σ(z), а (1 − y)·log(1 − σ(z)) "
    "не трогает.",
    "Перенесите множитель pos_weight на слагаемое с target · log σ(z).",
)


def bce_with_logits(logits, target, pos_weight=None):
    weight = 1.0 if pos_weight is None else pos_weight
    log_sigmoid = -torch.nn.functional.softplus(-logits)
    log_one_minus = -torch.nn.functional.softplus(logits)
    return -(target * log_sigmoid + weight * (1.0 - target) * log_one_minus).mean()
