"""Exercise 20: a convolutional layer and max pooling in NumPy (topic 20).

Implement the three functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 20` (a single part: `grade exercise 20.2`).
"""

import numpy as np


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
    raise NotImplementedError("ex20.1: implement conv_output_size")


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
    raise NotImplementedError("ex20.2: implement conv2d")


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
    raise NotImplementedError("ex20.3: implement max_pool2d")
