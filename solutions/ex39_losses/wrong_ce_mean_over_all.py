"""Wrong variant of ex39: cross-entropy divides by the whole batch size, ignored examples included."""

import torch

PART = "cross_entropy"
TITLE = "среднее по всему батчу, включая игнорируемые примеры"
HINTS = (
    "Сравните с PyTorch на батче, где половина целей равна ignore_index: во сколько раз отличается ответ?",
    "Игнорируемый пример не участвует ни в числителе, ни в знаменателе среднего; "
    "а если игнорируются все, PyTorch возвращает nan.",
    "Делите сумму потерь на число НЕигнорируемых примеров (сумма маски target != ignore_index), а не на N.",
)


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    log_p = torch.log_softmax(logits, dim=1)
    keep = target != ignore_index
    safe_target = torch.where(keep, target, torch.zeros_like(target))
    nll = -log_p.gather(1, safe_target[:, None])[:, 0]
    per_example = (1.0 - label_smoothing) * nll + label_smoothing * (-log_p.mean(dim=1))
    return torch.where(keep, per_example, torch.zeros_like(per_example)).mean()
