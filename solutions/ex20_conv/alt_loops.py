"""Correct alternative for ex20: plain Python loops over the output positions.

conv_output_size counts the window positions one by one instead of using the formula;
conv2d and max_pool2d fill the output element by element from explicit slices of a
padded copy of the input. Slow, but a direct transcription of the definitions.
"""

import numpy as np


def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
    span = dilation * (kernel_size - 1) + 1
    count = 0
    start = 0
    # Slide the dilated window over the padded input while it still fits completely.
    while start + span <= size + 2 * padding:
        count += 1
        start += stride
    return count


def _padded(x, pad_h, pad_w, fill):
    """A new (N, C, H + 2 * pad_h, W + 2 * pad_w) array: fill around a copy of x."""
    n, c, h, w = x.shape
    x_pad = np.full((n, c, h + 2 * pad_h, w + 2 * pad_w), fill, dtype=np.float64)
    x_pad[:, :, pad_h:pad_h + h, pad_w:pad_w + w] = x
    return x_pad


def conv2d(x, weight, bias=None, stride=1, padding=0, dilation=1):
    stride_h, stride_w = _pair(stride)
    pad_h, pad_w = _pair(padding)
    dil_h, dil_w = _pair(dilation)
    n_batch, _, h, w = x.shape
    c_out, _, k_h, k_w = weight.shape
    h_out = conv_output_size(h, k_h, stride_h, pad_h, dil_h)
    w_out = conv_output_size(w, k_w, stride_w, pad_w, dil_w)

    x_pad = _padded(x, pad_h, pad_w, 0.0)
    out = np.zeros((n_batch, c_out, h_out, w_out))
    for n in range(n_batch):
        for o in range(c_out):
            for i in range(h_out):
                for j in range(w_out):
                    top, left = i * stride_h, j * stride_w
                    # The pixels the dilated kernel touches: every dil-th one.
                    patch = x_pad[n, :, top:top + dil_h * (k_h - 1) + 1:dil_h,
                                  left:left + dil_w * (k_w - 1) + 1:dil_w]  # (C_in, kH, kW)
                    out[n, o, i, j] = np.sum(patch * weight[o])
                    if bias is not None:
                        out[n, o, i, j] += bias[o]
    return out


def max_pool2d(x, kernel_size, stride=None, padding=0):
    k_h, k_w = _pair(kernel_size)
    stride_h, stride_w = (k_h, k_w) if stride is None else _pair(stride)
    pad_h, pad_w = _pair(padding)
    n_batch, channels, h, w = x.shape
    h_out = conv_output_size(h, k_h, stride_h, pad_h)
    w_out = conv_output_size(w, k_w, stride_w, pad_w)

    x_pad = _padded(x, pad_h, pad_w, -np.inf)
    out = np.empty((n_batch, channels, h_out, w_out))
    for n in range(n_batch):
        for c in range(channels):
            for i in range(h_out):
                for j in range(w_out):
                    top, left = i * stride_h, j * stride_w
                    out[n, c, i, j] = x_pad[n, c, top:top + k_h, left:left + k_w].max()
    return out
