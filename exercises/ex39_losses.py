"""Exercise 39: loss functions of torch.nn written with torch operations (topic 39).

Each function returns what the matching torch.nn.functional loss returns, in float64,
on the device of its inputs. Write them from torch tensor operations (log_softmax,
logsumexp, softplus, abs, where, sum, mean, ... are fine); the loss functions
themselves are forbidden: F.cross_entropy, F.nll_loss, F.binary_cross_entropy(_with_logits),
F.mse_loss, F.smooth_l1_loss, F.huber_loss, F.l1_loss and their nn.*Loss classes.
Results must stay differentiable: do not leave torch (no .item(), .numpy(), .tolist()).
Grade your work with `grade exercise 39` (a single part: `grade exercise 39.2`).
"""

import torch


def cross_entropy(
    logits: torch.Tensor,
    target: torch.Tensor,
    ignore_index: int = -100,
    label_smoothing: float = 0.0,
) -> torch.Tensor:
    """Mean cross-entropy over the non-ignored examples, like
    F.cross_entropy(logits, target, ignore_index=ignore_index, label_smoothing=label_smoothing).

    With log p = log_softmax(logits) over the C classes and eps = label_smoothing, the loss of
    example i is
        (1 - eps) * (-log p[i, target[i]]) + eps * mean over j of (-log p[i, j]),
    i.e. cross-entropy against the target distribution (1 - eps) * one_hot + eps / C (eps / C
    goes to EVERY class, the true one included). Examples with target[i] == ignore_index do
    not count at all: the result is the sum over the other examples divided by their NUMBER.
    If every example is ignored, the result is nan (0 / 0), as in PyTorch.

    Args:
        logits: float64 tensor (N, C), raw scores (not probabilities), possibly as large as 1e3.
        target: int64 tensor (N,), class indices in [0, C) or ignore_index.
        ignore_index: the target value that marks an example to skip.
        label_smoothing: eps in [0, 1].

    Returns:
        0-d float64 tensor on logits' device, differentiable with respect to logits.
    """
    raise NotImplementedError("ex39.1: implement cross_entropy")


def bce_with_logits(logits: torch.Tensor, target: torch.Tensor, pos_weight: torch.Tensor | None = None) \
        -> torch.Tensor:
    """Mean binary cross-entropy on logits, like
    F.binary_cross_entropy_with_logits(logits, target, pos_weight=pos_weight).

    With s = sigmoid(z) and w = pos_weight (broadcast along the last dimension, 1 if None):
        loss = -[w * y * log s + (1 - y) * log(1 - s)],  averaged over all elements.
    Compute it stably: log s = -softplus(-z) and log(1 - s) = -softplus(z), with
    softplus(t) = max(t, 0) + log(1 + exp(-|t|)); logits as large as +-1e3 must give finite
    (and exact) results.

    Args:
        logits: float64 tensor of any shape (..., C).
        target: float64 tensor of the same shape, values in [0, 1] (soft labels allowed).
        pos_weight: float64 tensor (C,), weights of the POSITIVE term, or None.

    Returns:
        0-d float64 tensor on logits' device, differentiable with respect to logits.
    """
    raise NotImplementedError("ex39.2: implement bce_with_logits")


def mse_loss(input: torch.Tensor, target: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    """Squared error, like F.mse_loss(input, target, reduction=reduction).

    Elementwise (input - target) ** 2, then reduction: "none" keeps the elementwise tensor
    (the input's shape), "sum" adds all elements, "mean" divides that sum by the NUMBER OF
    ELEMENTS (not by the batch size).

    Args:
        input, target: float64 tensors of the same shape.
        reduction: "none" | "mean" | "sum".

    Returns:
        float64 tensor on input's device: input's shape for "none", 0-d otherwise.
    """
    raise NotImplementedError("ex39.3: implement mse_loss")


def smooth_l1_loss(input: torch.Tensor, target: torch.Tensor, beta: float = 1.0, reduction: str = "mean") \
        -> torch.Tensor:
    """Smooth L1, like F.smooth_l1_loss(input, target, reduction=reduction, beta=beta).

    With d = |input - target| elementwise:
        0.5 * d ** 2 / beta   if d < beta,
        d - 0.5 * beta        otherwise;
    beta = 0 means plain L1 (d), with no division by zero. Then the reduction as in mse_loss.

    Args:
        input, target: float64 tensors of the same shape.
        beta: float >= 0.
        reduction: "none" | "mean" | "sum".

    Returns:
        float64 tensor on input's device: input's shape for "none", 0-d otherwise.
    """
    raise NotImplementedError("ex39.4: implement smooth_l1_loss")


def huber_loss(input: torch.Tensor, target: torch.Tensor, delta: float = 1.0, reduction: str = "mean") \
        -> torch.Tensor:
    """Huber loss, like F.huber_loss(input, target, reduction=reduction, delta=delta).

    With d = |input - target| elementwise:
        0.5 * d ** 2                 if d <= delta,
        delta * (d - 0.5 * delta)    otherwise.
    Note: this is delta * smooth_l1(beta=delta), NOT smooth_l1(beta=delta); the two agree only
    at delta = 1. Then the reduction as in mse_loss.

    Args:
        input, target: float64 tensors of the same shape.
        delta: float > 0.
        reduction: "none" | "mean" | "sum".

    Returns:
        float64 tensor on input's device: input's shape for "none", 0-d otherwise.
    """
    raise NotImplementedError("ex39.5: implement huber_loss")
