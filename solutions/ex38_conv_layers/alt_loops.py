"""Correct alternative for ex38: explicit loops over output positions, one group at a time.

The convolution is computed group by group from slices of a zero-padded copy; its
backward pass accumulates each output position's contribution window by window;
pooling scans every window with an explicit running maximum (strictly greater wins,
so the first maximum is kept), and its backward pass adds gradients pixel by pixel.
"""

import math

import numpy as np


def _padded(x, before, after, fill):
    n, c, h, w = x.shape
    out = np.full((n, c, h + before + after[0], w + before + after[1]), fill, dtype=np.float64)
    out[:, :, before:before + h, before:before + w] = x
    return out


def conv2d_groups(x, weight, bias=None, stride=1, padding=0, groups=1):
    n, c_in, h, w = x.shape
    c_out, c_group, k_h, k_w = weight.shape
    per_group = c_out // groups
    x_pad = _padded(x, padding, (padding, padding), 0.0)
    h_out = (h + 2 * padding - k_h) // stride + 1
    w_out = (w + 2 * padding - k_w) // stride + 1
    out = np.zeros((n, c_out, h_out, w_out))
    for o in range(c_out):
        channels = slice((o // per_group) * c_group, (o // per_group + 1) * c_group)
        for i in range(h_out):
            for j in range(w_out):
                patch = x_pad[:, channels, i * stride:i * stride + k_h, j * stride:j * stride + k_w]
                out[:, o, i, j] = np.sum(patch * weight[o], axis=(1, 2, 3))
        if bias is not None:
            out[:, o] += bias[o]
    return out


def conv2d_backward(x, weight, grad_output, stride=1, padding=0, groups=1):
    n, c_in, h, w = x.shape
    c_out, c_group, k_h, k_w = weight.shape
    per_group = c_out // groups
    x_pad = _padded(x, padding, (padding, padding), 0.0)
    grad_pad = np.zeros_like(x_pad)
    grad_weight = np.zeros(weight.shape)
    _, _, h_out, w_out = grad_output.shape
    for o in range(c_out):
        channels = slice((o // per_group) * c_group, (o // per_group + 1) * c_group)
        for i in range(h_out):
            for j in range(w_out):
                rows, cols = slice(i * stride, i * stride + k_h), slice(j * stride, j * stride + k_w)
                g = grad_output[:, o, i, j][:, None, None, None]
                grad_weight[o] += np.sum(g * x_pad[:, channels, rows, cols], axis=0)
                grad_pad[:, channels, rows, cols] += g * weight[o]
    grad_bias = np.array([grad_output[:, o].sum() for o in range(c_out)])
    return grad_pad[:, :, padding:padding + h, padding:padding + w], grad_weight, grad_bias


def _length(size, kernel_size, stride, padding, ceil_mode):
    rounding = math.ceil if ceil_mode else math.floor
    out = rounding((size + 2 * padding - kernel_size) / stride) + 1
    # The last window must start inside the input or the left padding.
    while (out - 1) * stride >= size + padding:
        out -= 1
    return out


def max_pool2d_with_indices(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    stride = stride or kernel_size
    n, c, h, w = x.shape
    h_out = _length(h, kernel_size, stride, padding, ceil_mode)
    w_out = _length(w, kernel_size, stride, padding, ceil_mode)
    out = np.empty((n, c, h_out, w_out))
    indices = np.empty((n, c, h_out, w_out), dtype=np.int64)
    for b in range(n):
        for ch in range(c):
            for i in range(h_out):
                for j in range(w_out):
                    best, where = -np.inf, -1
                    for r in range(i * stride - padding, i * stride - padding + kernel_size):
                        for col in range(j * stride - padding, j * stride - padding + kernel_size):
                            if 0 <= r < h and 0 <= col < w and (where < 0 or x[b, ch, r, col] > best):
                                best, where = x[b, ch, r, col], r * w + col
                    out[b, ch, i, j], indices[b, ch, i, j] = best, where
    return out, indices


def max_pool2d_backward(grad_output, indices, input_shape):
    n, c, h, w = input_shape
    grad = np.zeros((n, c, h, w))
    for b, ch, i, j in np.ndindex(*grad_output.shape):
        r, col = divmod(int(indices[b, ch, i, j]), w)
        grad[b, ch, r, col] += grad_output[b, ch, i, j]
    return grad
