"""Alternative of exercise 19: other random draws, loops over named parameters, a manual SGD update."""

import numpy as np
import torch
import torch.nn.functional as F


def random_hflip(image, p, rng):
    flip = rng.binomial(1, p) == 1
    return np.flip(image, axis=-1).copy() if flip else np.array(image, dtype=np.float64)


def random_crop(image, size, padding, rng):
    channels, height, width = image.shape
    h, w = size
    padded = np.zeros((channels, height + 2 * padding, width + 2 * padding))
    padded[:, padding:padding + height, padding:padding + width] = image
    tops, lefts = height + 2 * padding - h + 1, width + 2 * padding - w + 1
    top, left = divmod(int(rng.integers(tops * lefts)), lefts)  # one draw over all positions
    out = np.empty((channels, h, w))
    for c in range(channels):
        out[c] = padded[c, top:top + h, left:left + w]
    return out


def freeze_backbone(model):
    for name, parameter in model.named_parameters():
        parameter.requires_grad = name.startswith("head.")
    norm_types = (torch.nn.BatchNorm1d, torch.nn.BatchNorm2d, torch.nn.BatchNorm3d)
    model.backbone.apply(lambda m: m.eval() if isinstance(m, norm_types) else None)


def fine_tune_step(model, x, y, lr):
    params = [p for p in model.parameters() if p.requires_grad]
    logits = model(x)
    loss = F.cross_entropy(logits, y)
    grads = torch.autograd.grad(loss, params)  # fresh gradients, nothing accumulated in .grad
    with torch.no_grad():
        for p, g in zip(params, grads, strict=True):
            p.add_(g, alpha=-lr)
    return float(loss.detach())
