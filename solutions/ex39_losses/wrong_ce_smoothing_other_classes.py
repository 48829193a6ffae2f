"""Wrong variant of ex39: label smoothing spreads eps over the C - 1 wrong classes only."""

import torch

PART = "cross_entropy"
TITLE = "label_smoothing: ε распределено только по C − 1 неверным классам"
HINTS = (
    "Без сглаживания ответ верен? Запишите целевое распределение PyTorch для C = 4 и ε = 0.2.",
    "В PyTorch сглаженная цель — (1 − ε)·one_hot + ε/C: доля ε/C достаётся КАЖДОМУ классу, в том числе верному.",
    "Вторая часть потери — ε · (среднее по всем C классам от −log p_j), а не сумма по неверным классам, "
    "делённая на C − 1.",
)


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    log_p = torch.log_softmax(logits, dim=1)
    n_classes = logits.shape[1]
    keep = target != ignore_index
    safe_target = torch.where(keep, target, torch.zeros_like(target))
    nll = -log_p.gather(1, safe_target[:, None])[:, 0]
    others = (-log_p.sum(dim=1) - nll) / (n_classes - 1)
    per_example = (1.0 - label_smoothing) * nll + label_smoothing * others
    return torch.where(keep, per_example, torch.zeros_like(per_example)).sum() / keep.sum()
