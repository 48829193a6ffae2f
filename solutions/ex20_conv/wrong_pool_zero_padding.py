"""Wrong variant of ex20: max pooling pads with zeros instead of -inf."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

PART = "max_pool2d"
TITLE = "паддинг нулями вместо -inf в max pooling"
HINTS = (
    "Что вернёт ваш пулинг для окна у края, если все настоящие значения в нём отрицательны?",
    "Дополненные позиции не должны влиять на максимум: в PyTorch они ведут себя как -inf, а не как 0.",
    "Дополняйте значением -inf, а не нулём: в np.pad это constant_values=-np.inf.",
)


def max_pool2d(x, kernel_size, stride=None, padding=0):
    k_h, k_w = _pair(kernel_size)
    stride_h, stride_w = _pair(kernel_size if stride is None else stride)
    pad_h, pad_w = _pair(padding)

    # Zeros, as for convolution: they beat every negative value in a border window.
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad_h, pad_h), (pad_w, pad_w)))
    windows = sliding_window_view(x_pad, (k_h, k_w), axis=(2, 3))
    return windows[:, :, ::stride_h, ::stride_w].max(axis=(4, 5))
