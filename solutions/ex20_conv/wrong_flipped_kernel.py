"""Wrong variant of ex20: true convolution (kernel flipped) instead of cross-correlation."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

PART = "conv2d"
TITLE = "ядро перевёрнуто: свёртка вместо кросс-корреляции"
HINTS = (
    "Сравните с PyTorch на входе из одного ненулевого пикселя и несимметричном ядре: где оказываются веса ядра?",
    "Слой свёртки в PyTorch (и в глубоком обучении вообще) считает кросс-корреляцию: ядро не отражается.",
    "Уберите переворот ядра по осям kH и kW (срезы [::-1]): "
    "out = sum x_pad[..., i*s + p*d, j*s + q*d] * weight[o, c, p, q].",
)


def conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1):
    stride_h, stride_w = _pair(stride)
    pad_h, pad_w = _pair(padding)
    dil_h, dil_w = _pair(dilation)
    _, _, k_h, k_w = weight.shape

    x_pad = np.pad(x, ((0, 0), (0, 0), (pad_h, pad_h), (pad_w, pad_w)))
    windows = sliding_window_view(
        x_pad, (dil_h * (k_h - 1) + 1, dil_w * (k_w - 1) + 1), axis=(2, 3)
    )[:, :, ::stride_h, ::stride_w, ::dil_h, ::dil_w]
    # The textbook convolution flips the kernel in both spatial axes.
    flipped = weight[:, :, ::-1, ::-1]
    out = np.einsum("nchwpq,ocpq->nohw", windows, flipped)
    if bias is not None:
        out += bias[:, None, None]
    return out
