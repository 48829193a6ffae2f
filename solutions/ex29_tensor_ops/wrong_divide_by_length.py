"""Wrong variant of exercise 29: the masked sum divided by the full length of the axis."""

import torch

PART = "masked_mean"
TITLE = "сумма по маске делится на длину оси, а не на число отмеченных элементов"
HINTS = (
    "Если маска отмечает все элементы, ответ верен. А если отмечена половина?",
    "Среднее по маске — сумма отмеченных элементов, делённая на их количество, а не на x.shape[dim].",
    "Количество отмеченных элементов — это сумма маски по той же оси (mask.sum(dim)).",
)


def masked_mean(x, mask, dim, keepdim=False):
    kept = torch.where(mask, x, torch.zeros((), dtype=x.dtype, device=x.device))
    return kept.sum(dim=dim, keepdim=keepdim) / x.shape[dim]
