"""Reference solution of exercise 17: how a convolutional layer looks at an image (topic 17).

Implement the four functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 17` (a single part: `grade exercise 17.4`).
"""

import numpy as np


def cross_correlate2d(image: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Single-channel "valid" cross-correlation, which deep-learning libraries call convolution.

    The kernel slides over the image with stride 1 and no padding; at each position the
    window under the kernel is multiplied by the kernel elementwise and summed:

        out[i, j] = sum over p, q of image[i + p, j + q] * kernel[p, q]

    The kernel is NOT flipped (this is what torch.nn.functional.conv2d computes).

    Args:
        image: float64 array of shape (H, W), H, W >= 1.
        kernel: float64 array of shape (kH, kW) with 1 <= kH <= H and 1 <= kW <= W.

    Returns:
        float64 array of shape (H - kH + 1, W - kW + 1).

    Do not modify image or kernel: they are read-only arrays when graded.
    """
    k_h, k_w = kernel.shape
    out_h, out_w = image.shape[0] - k_h + 1, image.shape[1] - k_w + 1
    out = np.zeros((out_h, out_w))
    # Loop over the kernel, not over the output: each term adds one kernel weight times the
    # block of the image that this weight sees at every output position at once.
    for p in range(k_h):
        for q in range(k_w):
            out += kernel[p, q] * image[p:p + out_h, q:q + out_w]
    return out


def dense_params(h: int, w: int, c_in: int, units: int) -> int:
    """Number of trainable parameters of a fully connected layer applied to a whole image.

    The image of c_in channels and size h x w is flattened into a vector of h * w * c_in
    numbers, which feeds a dense layer (torch.nn.Linear) of `units` neurons with biases.

    Returns:
        The number of weights plus the number of biases, as a Python int.
    """
    inputs = h * w * c_in  # the flattened image
    return inputs * units + units  # weight matrix (units, inputs) and one bias per neuron


def conv_params(c_in: int, c_out: int, k_h: int, k_w: int, bias: bool = True) -> int:
    """Number of trainable parameters of torch.nn.Conv2d(c_in, c_out, (k_h, k_w), bias=bias).

    Each of the c_out filters spans all c_in input channels and a k_h x k_w window;
    with bias=True every filter also has one bias. Stride, padding and the image size do
    not enter the count.

    Returns:
        The number of parameters as a Python int.
    """
    per_filter = c_in * k_h * k_w + (1 if bias else 0)
    return c_out * per_filter


def shift(image: np.ndarray, dy: int, dx: int) -> np.ndarray:
    """Move the picture by dy rows and dx columns, filling the uncovered part with zeros.

        out[i, j] = image[i - dy, j - dx]   if 0 <= i - dy < H and 0 <= j - dx < W,
        out[i, j] = 0                       otherwise.

    Positive dy moves the content down, positive dx moves it to the right; negative values
    move it up and to the left. Nothing wraps around: what leaves the frame is lost. A
    shift by the full size or more leaves only zeros.

    Args:
        image: float64 array of shape (H, W).
        dy, dx: integers of any sign and size.

    Returns:
        A new float64 array of shape (H, W) (never the input itself).

    Do not modify image: it is a read-only array when graded.
    """
    h, w = image.shape
    out = np.zeros((h, w))
    # Destination rows [top, bottom) receive source rows [top - dy, bottom - dy); same for columns.
    top, bottom = max(dy, 0), min(h + dy, h)
    left, right = max(dx, 0), min(w + dx, w)
    if top < bottom and left < right:
        out[top:bottom, left:right] = image[top - dy:bottom - dy, left - dx:right - dx]
    return out
