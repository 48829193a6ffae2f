"""Exercise 29's masked_mean that puts its tensors on CUDA whatever device the inputs are on."""

import torch


def masked_mean(x, mask, dim, keepdim=False):
    kept = torch.where(mask, x, torch.zeros((), dtype=x.dtype)).to("cuda")
    count = mask.sum(dim=dim, keepdim=keepdim).to(x.dtype).to("cuda")
    return kept.sum(dim=dim, keepdim=keepdim) / count.clamp(min=1.0)
