"""Wrong variant of ex39: log of a softmax computed without subtracting the maximum."""

import torch

PART = "cross_entropy"
TITLE = "log(softmax) без вычитания максимума: inf/nan при больших логитах"
HINTS = (
    "Что даёт exp(1000) в float64? Проверьте потерю на логитах порядка ±1e3.",
    "log softmax(z)_j = z_j − log Σ exp(z_k), и логарифм суммы экспонент можно считать устойчиво.",
    "Используйте torch.log_softmax или z − torch.logsumexp(z, dim=1, keepdim=True) вместо log(exp(z) / sum).",
)


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    e = torch.exp(logits)
    log_p = torch.log(e / e.sum(dim=1, keepdim=True))
    keep = target != ignore_index
    safe_target = torch.where(keep, target, torch.zeros_like(target))
    nll = -log_p.gather(1, safe_target[:, None])[:, 0]
    per_example = (1.0 - label_smoothing) * nll + label_smoothing * (-log_p.mean(dim=1))
    return torch.where(keep, per_example, torch.zeros_like(per_example)).sum() / keep.sum()
