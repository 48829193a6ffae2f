"""Alternative of exercise 29: unflatten/movedim/flatten, a boolean argmax for ties, and a guarded division."""

import torch


def image_to_patches(x, p):
    # split W first, then H: (B, C, H, W) -> (B, C, H // p, p, W // p, p)
    t = x.unflatten(3, (x.shape[3] // p, p)).unflatten(2, (x.shape[2] // p, p))
    # axes now (B, C, i, a, j, b): move i and j right after the batch axis
    t = t.movedim((2, 4), (1, 2))
    return t.flatten(3).flatten(1, 2)


def masked_mean(x, mask, dim, keepdim=False):
    weights = mask.to(x.dtype)
    safe = torch.where(mask, x, torch.zeros_like(x))
    total = (safe * weights).sum(dim=dim, keepdim=keepdim)
    count = weights.sum(dim=dim, keepdim=keepdim)
    mean = total / torch.where(count > 0, count, torch.ones_like(count))
    return torch.where(count > 0, mean, torch.zeros_like(mean))


def batch_argmax_2d(x):
    B, H, W = x.shape
    top = x.amax(dim=(1, 2), keepdim=True)
    # argmax of an integer 0/1 tensor gives the position of the first 1
    first = (x == top).reshape(B, -1).to(torch.int64).argmax(dim=1)
    row = torch.div(first, W, rounding_mode="floor")
    col = torch.remainder(first, W)
    return torch.cat((row.unsqueeze(1), col.unsqueeze(1)), dim=1)
