"""Exercise 38: grouped convolution, its backward pass, max pooling with indices (topic 38).

Topic 20 built conv2d and max_pool2d forward in NumPy; here they grow into what
torch.nn.Conv2d and torch.nn.MaxPool2d really do: groups (depthwise convolution
included), the backward pass of a convolution, pooling that returns the positions of
its maxima (return_indices=True), ceil_mode, and the backward pass of max pooling.
NumPy only: importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 38` (a single part: `grade exercise 38.2`).
"""

import numpy as np


def conv2d_groups(
    x: np.ndarray,
    weight: np.ndarray,
    bias: np.ndarray | None = None,
    stride: int = 1,
    padding: int = 0,
    groups: int = 1,
) -> np.ndarray:
    """2-D convolution with groups, like torch.nn.functional.conv2d(x, weight, bias, stride, padding, 1, groups).

    The C_in input channels are split into `groups` consecutive blocks of C_in / groups
    channels, the C_out filters into `groups` consecutive blocks of C_out / groups
    filters; block g of filters sees only block g of channels. With G = C_out / groups,
    g = o // G and x_pad = x padded with zeros by `padding` on every side:

        out[n, o, i, j] = bias[o] + sum over c < C_in / groups, p, q of
            x_pad[n, g * (C_in / groups) + c, i * stride + p, j * stride + q] * weight[o, c, p, q]

    The kernel is not flipped (cross-correlation); dilation is 1.

    Args:
        x: input, float64 array of shape (N, C_in, H, W).
        weight: float64 array of shape (C_out, C_in / groups, kH, kW) (PyTorch's layout).
        bias: float64 array of shape (C_out,), or None for no bias.
        stride: int >= 1, the same for height and width.
        padding: int >= 0, the same for height and width.
        groups: int >= 1 dividing both C_in and C_out (groups = C_in: depthwise).

    Returns:
        float64 array of shape (N, C_out, H_out, W_out) with
        H_out = (H + 2 * padding - kH) // stride + 1 (and W_out likewise), both >= 1.

    Do not modify the inputs: they may be read-only arrays.
    """
    raise NotImplementedError("ex38.1: implement conv2d_groups")


def conv2d_backward(
    x: np.ndarray,
    weight: np.ndarray,
    grad_output: np.ndarray,
    stride: int = 1,
    padding: int = 0,
    groups: int = 1,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients of a grouped convolution (the one of conv2d_groups) by its input, weight and bias.

    grad_output = dL/dout for out = conv2d_groups(x, weight, bias, stride, padding, groups);
    return what autograd would put into x.grad, weight.grad and bias.grad. The bias does
    not enter the gradients, so it is not an argument; its gradient is returned anyway.

    Args:
        x: float64 array (N, C_in, H, W).
        weight: float64 array (C_out, C_in / groups, kH, kW).
        grad_output: float64 array (N, C_out, H_out, W_out), the shape of the forward output.
        stride, padding, groups: as in conv2d_groups.

    Returns:
        (grad_x, grad_weight, grad_bias): float64 arrays of the shapes of x, weight and
        (C_out,). Input positions that no window covers (rows or columns left over when
        the stride does not divide the size) get zero gradient.

    NumPy only; do not modify the inputs.
    """
    raise NotImplementedError("ex38.2: implement conv2d_backward")


def max_pool2d_with_indices(
    x: np.ndarray,
    kernel_size: int,
    stride: int | None = None,
    padding: int = 0,
    ceil_mode: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Max pooling with the positions of the maxima, like
    torch.nn.functional.max_pool2d(x, kernel_size, stride, padding, ceil_mode=ceil_mode, return_indices=True).

    Square windows of kernel_size x kernel_size, the same stride and padding for height
    and width; stride=None means stride = kernel_size. Padded positions hold -inf (they
    never win). With ceil_mode=True the output length is
    ceil((H + 2 * padding - kernel_size) / stride) + 1 instead of floor, except that a last
    window starting at or beyond H + padding (entirely in the right padding) is dropped;
    the windows that run past the padded input take their maximum over what they cover.

    indices[n, c, i, j] is the position of the maximum in the UNPADDED input plane,
    flattened row by row: row * W + column. When a window holds several equal maxima,
    the first one in row-major order inside the window is taken (as PyTorch does).

    Args:
        x: float64 array (N, C, H, W), finite values.
        kernel_size: int >= 1.
        stride: int >= 1 or None.
        padding: int, 0 <= padding <= kernel_size // 2.
        ceil_mode: bool.

    Returns:
        (out, indices): out float64 (N, C, H_out, W_out), indices int64 of the same shape.

    Do not modify x: it may be a read-only array.
    """
    raise NotImplementedError("ex38.3: implement max_pool2d_with_indices")


def max_pool2d_backward(grad_output: np.ndarray, indices: np.ndarray, input_shape: tuple[int, int, int, int]) \
        -> np.ndarray:
    """Gradient of max pooling by its input, from the indices that max_pool2d_with_indices returned.

    Every output position sends its gradient to the input pixel its index names; a pixel
    that is the maximum of several (overlapping) windows receives the SUM of their
    gradients; pixels that are no window's maximum get 0.

    Args:
        grad_output: float64 array (N, C, H_out, W_out).
        indices: int64 array of the same shape, flattened positions row * W + column in
            the input plane of the same (n, c).
        input_shape: (N, C, H, W), a tuple of ints.

    Returns:
        float64 array of shape input_shape.

    Do not modify the inputs.
    """
    raise NotImplementedError("ex38.4: implement max_pool2d_backward")
