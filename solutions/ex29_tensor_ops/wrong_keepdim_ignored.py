"""Wrong variant of exercise 29: keepdim is accepted but never passed on."""

import torch

PART = "masked_mean"
TITLE = "параметр keepdim игнорируется"
HINTS = (
    "Сравните форму ответа при keepdim=True с формой x.mean(dim, keepdim=True).",
    "При keepdim=True ось dim остаётся в результате с длиной 1 — так результат можно "
    "вычитать из x по правилам broadcasting.",
    "Передайте keepdim=keepdim в обе суммы (и значений, и маски).",
)


def masked_mean(x, mask, dim, keepdim=False):
    kept = torch.where(mask, x, torch.zeros((), dtype=x.dtype, device=x.device))
    count = mask.sum(dim=dim).to(x.dtype)
    return kept.sum(dim=dim) / count.clamp(min=1.0)
