"""Exercise 36: normalization layers in PyTorch, written with plain tensor operations (topic 36).

Implement the four functions below; each is one part of the exercise. Use torch tensor operations
(mean, var, reshape, sqrt, ...). Forbidden: torch's own normalization (F.batch_norm, F.layer_norm,
F.instance_norm, F.group_norm, nn.BatchNorm2d, nn.LayerNorm, nn.InstanceNorm2d, nn.GroupNorm and
the like). Inputs are float64 tensors on the grading device (CPU or GPU); return float64 tensors on
the same device, and never modify an input in place.
Grade your work with `grade exercise 36` (a single part: `grade exercise 36.2`; on a GPU add
`--device cuda`).
"""

import torch


def batchnorm2d_forward(x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, running_mean: torch.Tensor,
                        running_var: torch.Tensor, training: bool = True, momentum: float = 0.1,
                        eps: float = 1e-5) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """One call of nn.BatchNorm2d(C, eps, momentum) on x, as a pure function.

    x: (N, C, H, W) float64. weight, bias (gamma, beta), running_mean, running_var: (C,) float64.
    The statistics of channel c are taken over the axes N, H, W (m = N·H·W numbers).

    training=True: normalise with the batch mean and the BIASED batch variance (divide by m),
        out = weight * (x - mean) / sqrt(var + eps) + bias      (per channel, broadcast)
    and update the running statistics as PyTorch does, with the UNBIASED variance (divide by m - 1):
        new_running_mean = (1 - momentum) * running_mean + momentum * mean
        new_running_var  = (1 - momentum) * running_var  + momentum * var * m / (m - 1)
    training=False: normalise with running_mean and running_var; the returned running statistics
    are equal to the given ones (new tensors or clones).

    Returns (out, new_running_mean, new_running_var): float64, shapes (N, C, H, W), (C,), (C,).
    Do not write into running_mean / running_var: return new tensors.
    """
    raise NotImplementedError("ex36.1: implement batchnorm2d_forward")


def layernorm(x: torch.Tensor, normalized_shape: tuple[int, ...], weight: torch.Tensor | None = None,
              bias: torch.Tensor | None = None, eps: float = 1e-5) -> torch.Tensor:
    """Layer normalization, like F.layer_norm(x, normalized_shape, weight, bias, eps).

    x: (*, *normalized_shape) float64: the last len(normalized_shape) axes of x equal normalized_shape.
    Each position of the leading axes (each example, each token) is normalised with the mean and the
    BIASED variance of its len(normalized_shape) trailing axes taken together:
        out = (x - mean) / sqrt(var + eps) * weight + bias
    weight, bias: float64 of shape normalized_shape, or None (no scale / no shift).
    Returns a float64 tensor of x's shape. The result does not depend on the other examples.
    """
    raise NotImplementedError("ex36.2: implement layernorm")


def instancenorm2d(x: torch.Tensor, weight: torch.Tensor | None = None, bias: torch.Tensor | None = None,
                   eps: float = 1e-5) -> torch.Tensor:
    """Instance normalization, like nn.InstanceNorm2d(C, eps, affine=weight is not None) in train mode.

    x: (N, C, H, W) float64. Each pair (example n, channel c) is normalised separately, with the mean
    and the BIASED variance of its H·W values: out[n, c] = (x[n, c] - mean_nc) / sqrt(var_nc + eps).
    weight, bias: (C,) float64 (per-channel scale and shift) or None (the default of nn.InstanceNorm2d,
    affine=False). No running statistics.
    Returns a float64 tensor of shape (N, C, H, W).
    """
    raise NotImplementedError("ex36.3: implement instancenorm2d")


def groupnorm(x: torch.Tensor, num_groups: int, weight: torch.Tensor | None = None,
              bias: torch.Tensor | None = None, eps: float = 1e-5) -> torch.Tensor:
    """Group normalization, like F.group_norm(x, num_groups, weight, bias, eps).

    x: (N, C, H, W) float64, C divisible by num_groups (otherwise raise ValueError). The channels are
    split into num_groups consecutive groups of C // num_groups channels (group g holds channels
    g·C/G ... (g+1)·C/G − 1). Each pair (example n, group g) is normalised with the mean and the BIASED
    variance of all its (C/G)·H·W values. Then the per-CHANNEL affine transform:
        out[:, c] = x_hat[:, c] * weight[c] + bias[c]        weight, bias: (C,) float64 or None.
    num_groups = 1 is LayerNorm over (C, H, W); num_groups = C is InstanceNorm.
    Returns a float64 tensor of shape (N, C, H, W).
    """
    raise NotImplementedError("ex36.4: implement groupnorm")
