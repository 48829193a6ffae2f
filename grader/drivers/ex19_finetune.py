"""Trusted drivers of exercise 19: repeated augmentation calls, and a small CNN to freeze and fine-tune.

Loaded by path in the worker, and imported by the checks (the oracle builds the same
model) and by the mistake matcher. Imports only the standard library and NumPy at module
level; torch inside functions. No pretrained weights: the "pretrained" backbone is a
small CNN whose weights come from a seeded torch generator, identical in every process.

A model spec is a dict: ``channels`` (input channels), ``widths`` (output channels of the
conv blocks Conv3x3 -> BatchNorm2d -> ReLU), ``hidden`` (0, or the width of a hidden
Linear layer of the head), ``head_bn`` (BatchNorm1d after that hidden layer), ``dropout``
(0, or the p of a Dropout before the last Linear) and ``classes``.
"""

import functools

import numpy as np


def repeat_calls(function, seed, times, args):
    """Call ``function(*args, rng)`` ``times`` times with ONE generator seeded with ``seed``."""
    rng = np.random.default_rng(seed)
    return [function(*args, rng) for _ in range(times)]


@functools.lru_cache(maxsize=1)
def _net_class():
    import torch

    class SmallNet(torch.nn.Module):
        """A convolutional backbone (features) followed by a classification head."""

        def __init__(self, backbone, head):
            super().__init__()
            self.backbone = backbone
            self.head = head

        def forward(self, x):
            return self.head(self.backbone(x))

    return SmallNet


def build_model(spec, seed):
    """The SmallNet of ``spec`` in float64 on the CPU, in training mode, with weights drawn from ``seed``."""
    import torch
    from torch import nn

    layers, width = [], spec["channels"]
    for out in spec["widths"]:
        layers += [nn.Conv2d(width, out, 3, padding=1), nn.BatchNorm2d(out), nn.ReLU()]
        width = out
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten()]
    head = []
    if spec["hidden"]:
        head.append(nn.Linear(width, spec["hidden"]))
        if spec["head_bn"]:
            head.append(nn.BatchNorm1d(spec["hidden"]))
        head.append(nn.ReLU())
        width = spec["hidden"]
    if spec["dropout"]:
        head.append(nn.Dropout(spec["dropout"]))
    head.append(nn.Linear(width, spec["classes"]))
    model = _net_class()(nn.Sequential(*layers), nn.Sequential(*head)).to(torch.float64)
    generator = torch.Generator().manual_seed(int(seed))

    def draw(shape):
        return torch.randn(shape, generator=generator, dtype=torch.float64)

    with torch.no_grad():
        for name, tensor in model.state_dict().items():  # the same storage as the module's tensors
            if not tensor.dtype.is_floating_point:
                continue
            if name.endswith("running_var"):
                tensor.copy_(0.5 + torch.rand(tensor.shape, generator=generator, dtype=torch.float64))
            elif name.endswith("running_mean"):
                tensor.copy_(0.3 * draw(tensor.shape))
            elif tensor.dim() >= 2:  # conv and linear weights: scaled by the fan-in
                tensor.copy_(draw(tensor.shape) / tensor[0].numel() ** 0.5)
            elif _is_norm_weight(model, name):
                tensor.copy_(1.0 + 0.2 * draw(tensor.shape))
            else:  # biases
                tensor.copy_(0.1 * draw(tensor.shape))
    return model.train()


def _is_norm_weight(model, name):
    import torch

    module_name, _, leaf = name.rpartition(".")
    module = model.get_submodule(module_name)
    return leaf == "weight" and isinstance(module, torch.nn.modules.batchnorm._BatchNorm)


def freeze(model, how):
    """The trusted freezing of a scenario: ``backbone`` (all of it, BatchNorm in eval), ``first`` (the first
    conv only, everything still in training mode) or ``none``."""
    import torch

    if how == "backbone":
        for parameter in model.backbone.parameters():
            parameter.requires_grad_(False)
        for module in model.backbone.modules():
            if isinstance(module, torch.nn.modules.batchnorm._BatchNorm):
                module.eval()
    elif how == "first":
        for parameter in model.backbone[0].parameters():
            parameter.requires_grad_(False)
    return model


def run_freeze(freeze_backbone, spec, seed, x):
    """Build the model, let the student's ``freeze_backbone`` freeze it, then look at what it did.

    Reports requires_grad of every parameter, the mode of every submodule, which parameters
    receive a gradient from a forward/backward pass in the modes the student left, and which
    buffers (BatchNorm running statistics) that forward pass changed.
    """
    import torch

    model = build_model(spec, seed).to(x.device)
    freeze_backbone(model)
    flags = {name: bool(p.requires_grad) for name, p in model.named_parameters()}
    modes = {name: bool(m.training) for name, m in model.named_modules() if name}
    before = {name: b.detach().clone() for name, b in model.named_buffers()}
    for parameter in model.parameters():
        parameter.grad = None
    out = model(x)
    if out.requires_grad:
        out.square().mean().backward()
    return {
        "requires_grad": flags,
        "training": modes,
        "has_grad": {name: p.grad is not None for name, p in model.named_parameters()},
        "buffer_changed": {name: not torch.equal(b, before[name]) for name, b in model.named_buffers()},
    }


def run_steps(fine_tune_step, spec, seed, how, x, y, sizes, lr):
    """Build the model, freeze it the trusted way (``how``), then call the student's step once per batch:
    ``x`` and ``y`` are split along the batch axis into consecutive batches of ``sizes``.

    Returns the values the step returned and the whole state (parameters and buffers) afterwards.
    """
    model = build_model(spec, seed).to(x.device)
    freeze(model, how)
    bounds = np.cumsum((0, *sizes))
    losses = [fine_tune_step(model, x[a:b], y[a:b], lr) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    state = {name: t.detach().clone() for name, t in model.state_dict().items()}
    return {"losses": losses, "state": state}
