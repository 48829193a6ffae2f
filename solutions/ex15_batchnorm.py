"""Reference solution of exercise 15: batch normalization in NumPy, forward and backward (topic 15).

Implement the two functions below; each is one part of the exercise. NumPy only: importing
torch, scipy or other deep-learning libraries is not allowed here. Inputs arrive read-only:
return new arrays, never write into ``x``, ``running_mean`` or ``running_var``.
Grade your work with `grade exercise 15` (a single part: `grade exercise 15.2`).
"""

import numpy as np


def batchnorm_forward(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, running_mean: np.ndarray,
                      running_var: np.ndarray, momentum: float = 0.1, eps: float = 1e-5,
                      training: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Batch normalization of ``x`` over the batch, like ``torch.nn.functional.batch_norm``.

    x: (N, C) or (N, C, L) float64; channels (features) are axis 1. The statistics of a channel
    are taken over every other axis: over N for (N, C), over N and L for (N, C, L), that is over
    m = N or m = N·L numbers. gamma, beta, running_mean, running_var: (C,) float64.

    training=True: normalise with the batch mean and the BIASED batch variance (divide by m),
        out = gamma * (x - mean) / sqrt(var + eps) + beta,
    and update the running statistics as PyTorch does, with the UNBIASED variance (divide by m - 1):
        new_running_mean = (1 - momentum) * running_mean + momentum * mean
        new_running_var  = (1 - momentum) * running_var  + momentum * var * m / (m - 1)
    If m == 1 (one number per channel) raise ValueError, as torch does.
    training=False: normalise with running_mean and running_var instead of batch statistics;
    the returned running statistics are equal to the given ones (as new arrays).

    Returns (out, new_running_mean, new_running_var): float64, shapes x.shape, (C,), (C,).
    Must not modify any input (they are read-only when graded).
    """
    axes = (0,) + tuple(range(2, x.ndim))  # every axis except the channel axis 1
    shape = (1, -1) + (1,) * (x.ndim - 2)  # a (C,) vector reshaped to broadcast against x
    if not training:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.copy(), running_var.copy()
    else:
        m = x.size // x.shape[1]
        if m < 2:
            raise ValueError("batch norm in training mode needs more than one value per channel")
        mean = x.mean(axis=axes)
        var = ((x - mean.reshape(shape)) ** 2).mean(axis=axes)  # biased: divide by m
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var * m / (m - 1)  # unbiased
    x_hat = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    out = gamma.reshape(shape) * x_hat + beta.reshape(shape)
    return out, new_mean, new_var


def batchnorm_backward(grad_out: np.ndarray, x: np.ndarray, gamma: np.ndarray,
                       eps: float = 1e-5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of batch normalization in training mode for an (N, C) input.

    The forward pass is out = gamma * x_hat + beta with x_hat = (x - mean) / sqrt(var + eps), where
    mean and the biased var are the batch statistics of each column of x (they depend on x).
    grad_out: (N, C) float64, dL/d(out); x: (N, C) float64; gamma: (C,) float64.
    Returns (dx, dgamma, dbeta): float64 of shapes (N, C), (C,), (C,).
    If N == 1 raise ValueError (torch refuses to train batch norm on one value per channel).
    Must not modify any input.
    """
    n = x.shape[0]
    if n < 2:
        raise ValueError("batch norm in training mode needs more than one value per channel")
    mean = x.mean(axis=0)
    inv_std = 1.0 / np.sqrt(((x - mean) ** 2).mean(axis=0) + eps)  # 1 / sqrt(var + eps)
    x_hat = (x - mean) * inv_std
    dbeta = grad_out.sum(axis=0)
    dgamma = (grad_out * x_hat).sum(axis=0)
    # dL/dx_hat = gamma * g; projecting out the directions the batch statistics absorb
    # (a shift of the column and a rescaling along x_hat) gives the well-known compact form
    g_hat = grad_out * gamma
    dx = inv_std * (g_hat - g_hat.mean(axis=0) - x_hat * (g_hat * x_hat).mean(axis=0))
    return dx, dgamma, dbeta
