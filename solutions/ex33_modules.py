"""Exercise 33: nn.Module — registration of submodules, parameters and buffers, state_dict, train/eval.

33.1 ``MLP`` — a multilayer perceptron whose layers are registered submodules.
33.2 ``RunningStandardizer`` — a module with state that is not trained: registered buffers.
33.3 ``count_parameters`` — the number of (trainable) parameters of any module.

The grader builds your classes, converts them with ``.to(device, torch.float64)`` (so every
parameter and buffer must follow ``.to()``), loads weights by ``state_dict`` key and compares
the outputs with a functional oracle. Any torch code is allowed; the point is to use the
module machinery (nn.Module, nn.ModuleList, register_buffer) correctly.
"""

import torch
from torch import nn

ACTIVATIONS = {"relu": nn.ReLU, "tanh": nn.Tanh}


class MLP(nn.Module):
    """A multilayer perceptron: Linear → activation → Dropout → ... → Linear.

    ``sizes``: list of ints [d_0, d_1, ..., d_L] (L >= 1 layers); ``activation``: "relu" or
    "tanh", applied after every layer except the last; ``dropout``: the probability p of
    ``nn.Dropout`` after every hidden activation (0.0 — no dropout; active only in train mode).
    The linear layers live in ``self.layers``, an ``nn.ModuleList`` of ``nn.Linear``, so the
    ``state_dict`` keys are exactly "layers.0.weight", "layers.0.bias", ..., "layers.{L-1}.bias"
    (weight of layer i: (d_{i+1}, d_i)); activation and dropout modules have no parameters.
    ``forward(x)``: x of shape (N, d_0) → (N, d_L), no activation after the last layer.
    """

    def __init__(self, sizes, activation="relu", dropout=0.0):
        super().__init__()  # must come first: it creates the registries of parameters and submodules
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:], strict=False))
        self.activation = ACTIVATIONS[activation]()
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = self.dropout(self.activation(x))
        return x


class RunningStandardizer(nn.Module):
    """Standardises features with the mean and variance of ALL rows seen in training so far.

    ``__init__(num_features, eps=1e-5)`` registers three buffers (not parameters):
    ``mean`` (num_features,) zeros, ``var`` (num_features,) ones, ``count`` 0-d zero; all are
    floating tensors, saved in ``state_dict`` and moved by ``.to()``.
    ``forward(x)``, x of shape (N, num_features):
    - in train mode, first update the buffers so that ``mean``/``var`` are the mean and the
      biased (population, divide by count) variance of all rows seen so far and ``count`` their
      number, then return (x − mean) / sqrt(var + eps) with the updated statistics;
    - in eval mode, return (x − mean) / sqrt(var + eps) with the stored statistics, changing nothing.
    No gradient flows into the buffers.
    """

    def __init__(self, num_features, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.register_buffer("mean", torch.zeros(num_features))
        self.register_buffer("var", torch.ones(num_features))
        self.register_buffer("count", torch.zeros(()))

    def forward(self, x):
        if self.training:
            with torch.no_grad():
                m = x.shape[0]
                total = self.count + m
                batch_mean = x.mean(dim=0)
                batch_var = x.var(dim=0, unbiased=False)
                delta = batch_mean - self.mean
                # merge the old statistics (count rows) with the batch (m rows): Chan et al.
                m2 = self.var * self.count + batch_var * m + delta ** 2 * self.count * m / total
                self.mean += delta * m / total
                self.var.copy_(m2 / total)
                self.count += m
        return (x - self.mean) / torch.sqrt(self.var + self.eps)


def count_parameters(module, trainable_only=True):
    """The number of scalar parameters of ``module`` (an int).

    Every parameter tensor is counted once, even if it is shared by several submodules (tied
    weights); buffers are not parameters. With ``trainable_only=True`` only parameters with
    ``requires_grad=True`` count.
    """
    return sum(p.numel() for p in module.parameters() if p.requires_grad or not trainable_only)
