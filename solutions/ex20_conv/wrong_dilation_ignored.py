"""Wrong variant of ex20: conv2d ignores dilation and always applies a dense kernel."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

PART = "conv2d"
TITLE = "dilation не учитывается: ядро всегда плотное"
HINTS = (
    "Что меняет параметр dilation? Сравните с PyTorch при dilation=2 и dilation=1 — отличается ли ваш ответ?",
    "При dilation = d элементы ядра берут пиксели входа через d: ядро kH x kW накрывает окно d*(kH-1)+1 x d*(kW-1)+1.",
    "Берите окна размера dilation*(k-1)+1 и внутри окна каждый dilation-й пиксель (срез ::dilation по осям окна).",
)


def conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1):
    stride_h, stride_w = _pair(stride)
    pad_h, pad_w = _pair(padding)
    dil_h, dil_w = _pair(dilation)
    _, _, h, w = x.shape
    _, _, k_h, k_w = weight.shape
    h_out = conv_output_size(h, k_h, stride_h, pad_h, dil_h)
    w_out = conv_output_size(w, k_w, stride_w, pad_w, dil_w)

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad_h, pad_h), (pad_w, pad_w)))
    # Dense k_h x k_w windows: the dilation only ever entered the output size.
    windows = sliding_window_view(x_pad, (k_h, k_w), axis=(2, 3))
    windows = windows[:, :, ::stride_h, ::stride_w][:, :, :h_out, :w_out]
    out = np.einsum("nchwpq,ocpq->nohw", windows, weight)
    if bias is not None:
        out += bias[:, None, None]
    return out
