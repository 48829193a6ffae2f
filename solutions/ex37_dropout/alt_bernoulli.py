"""Alternative for exercise 37: masks from torch.bernoulli, MC passes in a Python loop with running sums."""

import torch


def dropout(x, p, training, generator):
    if not training:
        return x.clone()
    if p >= 1.0:
        return x * 0.0
    keep_probability = torch.full_like(x, 1.0 - p)
    mask = torch.bernoulli(keep_probability, generator=generator)  # 1 with probability 1 - p
    return x * (mask / (1.0 - p))


def dropout2d(x, p, training, generator):
    if not training:
        return x.clone()
    if p >= 1.0:
        return torch.zeros_like(x)
    n, c, h, w = x.shape
    mask = torch.bernoulli(torch.full((n, c), 1.0 - p, dtype=x.dtype, device=x.device), generator=generator)
    return x * mask.view(n, c, 1, 1).expand(n, c, h, w) / (1.0 - p)


def mc_predict(model, x, samples):
    saved = [(m, m.training) for m in model.modules()]
    for m in model.modules():
        m.train(isinstance(m, torch.nn.Dropout))  # train() of a leaf sets only its own flag
    total, total_sq = None, None
    outs = []
    with torch.no_grad():
        for _ in range(samples):
            y = model(x)
            outs.append(y)
            total = y.clone() if total is None else total + y
    for m, was in saved:
        m.training = was
    mean = total / samples
    deviations = torch.stack(outs) - mean
    total_sq = (deviations**2).sum(dim=0)
    return mean, torch.sqrt(total_sq / (samples - 1))
