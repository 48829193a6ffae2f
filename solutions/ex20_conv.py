"""Reference solution for exercise 20: a convolutional layer and max pooling in NumPy.

Vectorised: np.pad builds the padded input (a new array, so the caller's arrays are never
written), sliding_window_view exposes every window without copying, and one einsum or
max reduces the windows.
"""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def _pair(value: int | tuple[int, int]) -> tuple[int, int]:
    """Normalise an int-or-pair argument to a (height, width) pair, as PyTorch does."""
    if np.ndim(value) == 0:
        return int(value), int(value)
    height, width = value
    return int(height), int(width)


def conv_output_size(size: int, kernel_size: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """Length of a convolution or pooling output along one spatial dimension.

    Same convention as torch.nn.Conv2d and torch.nn.MaxPool2d (ceil_mode=False): the
    input is padded by `padding` positions on EACH side, a dilated kernel spans
    dilation * (kernel_size - 1) + 1 input positions, and only windows that fit entirely
    inside the padded input are counted, so the division by the stride rounds DOWN
    (floor).

    Args:
        size: input length along this dimension (H or W), >= 1.
        kernel_size: kernel length along this dimension, >= 1.
        stride: step between the starts of neighbouring windows, >= 1.
        padding: number of positions added on each side, >= 0.
        dilation: spacing between kernel elements, >= 1 (1 is a dense kernel).

    Returns:
        The output length as a Python int. You may assume the configuration is valid,
        i.e. the padded input is at least as long as the dilated kernel (result >= 1).
    """
    # Span of the dilated kernel: kernel_size taps with (dilation - 1) holes between them.
    span = dilation * (kernel_size - 1) + 1
    # A window may start at 0, stride, 2 * stride, ... as long as it still fits, i.e.
    # start <= size + 2 * padding - span; integer division gives the floor.
    # int() keeps the result a Python int even for NumPy integer arguments.
    return int((size + 2 * padding - span) // stride + 1)


def conv2d(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
    stride: int | tuple[int, int] = 1,
    padding: int | tuple[int, int] = 0,
    dilation: int | tuple[int, int] = 1,
) -> np.ndarray:
    """2-D convolution of a batch of images, like torch.nn.functional.conv2d.

    As in PyTorch, this is a cross-correlation: the kernel is NOT flipped.
    With x_pad = x padded with zeros (padding_h rows at the top AND at the bottom,
    padding_w columns at the left AND at the right):

        out[n, o, i, j] = bias[o] + sum over c, p, q of
            x_pad[n, c, i * stride_h + p * dilation_h, j * stride_w + q * dilation_w]
            * weight[o, c, p, q]

    Args:
        x: input, float64 array of shape (N, C_in, H, W).
        weight: kernels, float64 array of shape (C_out, C_in, kH, kW).
        bias: float64 array of shape (C_out,), or None for no bias.
        stride: int (same for H and W) or pair (stride_h, stride_w), each >= 1.
        padding: int or pair (padding_h, padding_w), each >= 0.
        dilation: int or pair (dilation_h, dilation_w), each >= 1.

    Returns:
        float64 array of shape (N, C_out, H_out, W_out), where H_out and W_out are
        given by conv_output_size. You may assume both are >= 1.

    Do not modify x, weight or bias: they may be read-only arrays.
    """
    stride_h, stride_w = _pair(stride)
    pad_h, pad_w = _pair(padding)
    dil_h, dil_w = _pair(dilation)
    _, _, k_h, k_w = weight.shape

    # Zero padding on both sides of H and W; np.pad returns a new array.
    x_pad = np.pad(x, ((0, 0), (0, 0), (pad_h, pad_h), (pad_w, pad_w)))
    # A dilated kernel covers span_h x span_w input pixels, of which it uses every dil-th.
    span_h = dil_h * (k_h - 1) + 1
    span_w = dil_w * (k_w - 1) + 1
    # Every span_h x span_w window at every position (a view, no copy):
    windows = sliding_window_view(x_pad, (span_h, span_w), axis=(2, 3))
    # (N, C_in, H_pad - span_h + 1, W_pad - span_w + 1, span_h, span_w)
    # Keep the window starts that the stride visits and the pixels the kernel taps.
    windows = windows[:, :, ::stride_h, ::stride_w, ::dil_h, ::dil_w]
    # (N, C_in, H_out, W_out, kH, kW)

    # Cross-correlation: multiply each window by the unflipped kernel and sum over the
    # input channels and the kernel offsets.
    out = np.einsum("nchwpq,ocpq->nohw", windows, weight, optimize=True)
    # (N, C_out, H_out, W_out)
    if bias is not None:
        # out is a fresh array, so adding in place cannot touch the caller's data.
        out += bias[:, None, None]
    return out


def max_pool2d(
    x: np.ndarray,
    kernel_size: int | tuple[int, int],
    stride: int | tuple[int, int] | None = None,
    padding: int | tuple[int, int] = 0,
) -> np.ndarray:
    """2-D max pooling of a batch of images, like torch.nn.functional.max_pool2d.

    With x_pad = x padded by padding_h rows at the top and bottom and padding_w columns
    at the left and right, where padded positions behave as -inf (they never win the
    maximum, whatever the sign of the real values):

        out[n, c, i, j] = max of x_pad[n, c, i * stride_h : i * stride_h + kH,
                                             j * stride_w : j * stride_w + kW]

    Dilation is 1 and ceil_mode is False: output sizes follow conv_output_size.

    Args:
        x: input, float64 array of shape (N, C, H, W).
        kernel_size: int or pair (kH, kW), each >= 1.
        stride: int or pair (stride_h, stride_w), each >= 1, or None, which means
            stride = kernel_size (PyTorch's default).
        padding: int or pair (padding_h, padding_w). As in PyTorch, each is at most
            half the kernel size along its dimension, so every window holds at least
            one real input value.

    Returns:
        float64 array of shape (N, C, H_out, W_out). You may assume H_out, W_out >= 1.

    Do not modify x: it may be a read-only array.
    """
    k_h, k_w = _pair(kernel_size)
    # PyTorch's default: non-overlapping windows that tile the input.
    stride_h, stride_w = _pair(kernel_size if stride is None else stride)
    pad_h, pad_w = _pair(padding)

    # Pad with -inf rather than 0: a padded position must never win the maximum, even
    # when every real value in the window is negative.
    x_pad = np.pad(
        x, ((0, 0), (0, 0), (pad_h, pad_h), (pad_w, pad_w)), constant_values=-np.inf
    )
    windows = sliding_window_view(x_pad, (k_h, k_w), axis=(2, 3))
    # (N, C, H_pad - kH + 1, W_pad - kW + 1, kH, kW)
    windows = windows[:, :, ::stride_h, ::stride_w]  # (N, C, H_out, W_out, kH, kW)
    return windows.max(axis=(4, 5))  # (N, C, H_out, W_out)
