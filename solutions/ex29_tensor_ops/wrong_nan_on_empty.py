"""Wrong variant of exercise 29: an all-masked slice gives 0 / 0 = NaN."""

import torch

PART = "masked_mean"
TITLE = "пустой срез (все элементы скрыты) даёт 0/0 = NaN вместо 0"
HINTS = (
    "Что получится в срезе, где маска нигде не равна True?",
    "Там и сумма, и количество равны нулю, а 0.0 / 0.0 в torch — это nan. По условию ответ для "
    "такого среза — 0.",
    "Делите на количество, ограниченное снизу единицей (clamp), или выберите 0 через torch.where.",
)


def masked_mean(x, mask, dim, keepdim=False):
    kept = torch.where(mask, x, torch.zeros((), dtype=x.dtype, device=x.device))
    count = mask.sum(dim=dim, keepdim=keepdim).to(x.dtype)
    return kept.sum(dim=dim, keepdim=keepdim) / count
