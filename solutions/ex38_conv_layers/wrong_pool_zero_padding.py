"""Wrong variant of ex38: max pooling pads with zeros (as the seed's docstring says), not with -inf."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

PART = "max_pool2d_with_indices"
TITLE = "дополнение нулями вместо −∞"
HINTS = (
    "Попробуйте вход из одних отрицательных чисел и padding=1: может ли максимум оказаться равным 0?",
    "Дополненная клетка не должна побеждать ни одно настоящее значение, какого бы знака оно ни было.",
    "Заполняйте дополнение значением -inf (np.pad(..., constant_values=-np.inf)).",
)


def max_pool2d_with_indices(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    stride = kernel_size if stride is None else stride
    n, c, h, w = x.shape
    h_out = _pool_size(h, kernel_size, stride, padding, ceil_mode)
    w_out = _pool_size(w, kernel_size, stride, padding, ceil_mode)
    extra_h = max(0, (h_out - 1) * stride + kernel_size - (h + 2 * padding))
    extra_w = max(0, (w_out - 1) * stride + kernel_size - (w + 2 * padding))
    pads = ((padding, padding + extra_h), (padding, padding + extra_w))
    x_pad = np.pad(x, ((0, 0), (0, 0), *pads))  # zeros, "as for a convolution"
    positions = np.pad(np.arange(h * w).reshape(h, w), pads, constant_values=-1)
    k = kernel_size
    values = _windows(x_pad, k, k, stride)[:, :, :h_out, :w_out].reshape(n, c, h_out, w_out, k * k)
    where = sliding_window_view(positions, (k, k))[::stride, ::stride][:h_out, :w_out].reshape(h_out, w_out, k * k)
    best = values.argmax(axis=-1)
    out = np.take_along_axis(values, best[..., None], axis=-1)[..., 0]
    return out, where[np.arange(h_out)[:, None], np.arange(w_out), best].astype(np.int64)
