"""Wrong variant of ex20: max pooling treats stride=None as stride 1."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

PART = "max_pool2d"
TITLE = "stride=None понят как шаг 1, а не kernel_size"
HINTS = (
    "Какой размер выхода даёт PyTorch для max_pool2d(x, 2) на входе 4 x 4? А ваша функция?",
    "Если stride не задан, окна пулинга в PyTorch не перекрываются: шаг по умолчанию равен размеру окна.",
    "При stride is None используйте stride = kernel_size (по каждой оси).",
)


def max_pool2d(x, kernel_size, stride=None, padding=0):
    k_h, k_w = _pair(kernel_size)
    stride_h, stride_w = _pair(1 if stride is None else stride)
    pad_h, pad_w = _pair(padding)

    x_pad = np.pad(
        x, ((0, 0), (0, 0), (pad_h, pad_h), (pad_w, pad_w)), constant_values=-np.inf
    )
    windows = sliding_window_view(x_pad, (k_h, k_w), axis=(2, 3))
    return windows[:, :, ::stride_h, ::stride_w].max(axis=(4, 5))
