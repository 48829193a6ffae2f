"""Wrong variant of ex20: all 2 * padding zeros go to the bottom and right edges."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

PART = "conv2d"
TITLE = "паддинг только с одной стороны (снизу и справа)"
HINTS = (
    "Посмотрите на выход при padding=1: совпадает ли с PyTorch левый верхний угол?",
    "padding = p означает p нулей с КАЖДОЙ стороны: сверху и снизу, слева и справа, а не 2p с одной стороны.",
    "Дополняйте оси H и W с обеих сторон: в np.pad это пары (pad_h, pad_h) и (pad_w, pad_w), а не (0, 2 * pad).",
)


def conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1):
    stride_h, stride_w = _pair(stride)
    pad_h, pad_w = _pair(padding)
    dil_h, dil_w = _pair(dilation)
    _, _, k_h, k_w = weight.shape

    # The total amount of padding is right, but none of it is at the top or left.
    x_pad = np.pad(x, ((0, 0), (0, 0), (0, 2 * pad_h), (0, 2 * pad_w)))
    windows = sliding_window_view(
        x_pad, (dil_h * (k_h - 1) + 1, dil_w * (k_w - 1) + 1), axis=(2, 3)
    )[:, :, ::stride_h, ::stride_w, ::dil_h, ::dil_w]
    out = np.einsum("nchwpq,ocpq->nohw", windows, weight)
    if bias is not None:
        out += bias[:, None, None]
    return out
