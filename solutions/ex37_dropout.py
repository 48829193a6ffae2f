"""Exercise 37: dropout layers in PyTorch: Dropout, Dropout2d and MC-dropout prediction (topic 37).

Parts 37.1 and 37.2 take a ``torch.Generator`` created on the input's device (the grader
builds it from a seed): draw every random number from it, e.g.
``torch.rand(shape, generator=generator, device=x.device, dtype=x.dtype)``, so that the same
seed gives the same mask and the global random state does not matter. ``p`` is the DROP
probability, as in ``nn.Dropout(p)``: survivors are scaled by 1 / (1 - p) (inverted dropout),
and with ``training=False`` the layer is the identity.

Rules: ``F.dropout``, ``F.dropout2d``, ``nn.Dropout2d``, ``F.alpha_dropout`` and friends are
forbidden in 37.1 and 37.2 (write the mask yourself); results are float64 tensors on
``x.device``; do not modify ``x``. In 37.3 you drive a given model that contains ``nn.Dropout``
layers (that is the point there).

Grade your work with `grade exercise 37` (a single part: `grade exercise 37.3`).
"""

import torch


def dropout(x: torch.Tensor, p: float, training: bool, generator: torch.Generator) -> torch.Tensor:
    """Inverted dropout, like ``F.dropout(x, p, training)`` but with an explicit generator.

    x: float64 tensor of any shape; 0 <= p <= 1 is the probability to ZERO an element.
    In training every element is kept independently with probability 1 - p and then
    multiplied by 1 / (1 - p); p = 1 gives zeros (no NaN), p = 0 gives x.
    training=False: returns x unchanged (the identity). Returns a float64 tensor shaped like x.
    """
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return torch.zeros_like(x)  # nothing survives; x / (1 - p) would be 0 / 0
    keep = torch.rand(x.shape, generator=generator, device=x.device, dtype=x.dtype) >= p  # P(keep) = 1 - p
    return x * keep / (1.0 - p)


def dropout2d(x: torch.Tensor, p: float, training: bool, generator: torch.Generator) -> torch.Tensor:
    """Channel-wise dropout, like ``nn.Dropout2d(p)`` but with an explicit generator.

    x: float64 tensor (N, C, H, W). In training each whole feature map x[n, c] is zeroed
    with probability p, independently for every sample n and channel c, and the kept maps
    are multiplied by 1 / (1 - p). p = 1 gives zeros, training=False returns x unchanged.
    Returns a float64 tensor (N, C, H, W).
    """
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return torch.zeros_like(x)
    n, c = x.shape[0], x.shape[1]
    # one Bernoulli(1 - p) number per (sample, channel), broadcast over the H x W map
    keep = torch.rand((n, c, 1, 1), generator=generator, device=x.device, dtype=x.dtype) >= p
    return x * keep / (1.0 - p)


def mc_predict(model: torch.nn.Module, x: torch.Tensor, samples: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Monte Carlo dropout prediction (Gal and Ghahramani, 2016).

    model: an nn.Module whose dropout layers (instances of ``nn.Dropout``, possibly inside
    nested submodules) are to be switched to training mode, while every other module
    (BatchNorm in particular) stays in evaluation mode, so that its running statistics are
    used and not updated. x: float64 input batch on the model's device; samples >= 2.
    Run ``samples`` stochastic forward passes without building an autograd graph and return
    (mean, std) over the passes, elementwise, shaped like one output; std is the sample
    standard deviation (``torch.std`` with its default correction=1).
    Afterwards every module must be back in the mode it had before the call.
    """
    modes = {module: module.training for module in model.modules()}
    model.eval()  # BatchNorm and everything else: inference behaviour
    for module in model.modules():
        if isinstance(module, torch.nn.Dropout):
            module.train()  # only dropout stays stochastic
    try:
        with torch.no_grad():
            outputs = torch.stack([model(x) for _ in range(samples)])  # (samples, *output shape)
    finally:
        for module, mode in modes.items():
            module.training = mode  # restore exactly what was there
    return outputs.mean(dim=0), outputs.std(dim=0)
