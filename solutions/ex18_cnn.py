"""Reference solution of exercise 18: the architecture of a convolutional classifier (topic 18).

Implement the class and the two functions below; each is one part of the exercise. This is a
PyTorch exercise: torch and torch.nn may be used everywhere. Grade your work with
`grade exercise 18` (a single part: `grade exercise 18.2`).

Parts 2 and 3 describe a stack of layers as a list of dicts ("specs"):

    {"type": "conv", "out_channels": 16, "kernel_size": 3, "stride": 1, "padding": 0, "dilation": 1}
    {"type": "pool", "kernel_size": 2, "stride": 2, "padding": 0}     # max pooling
    {"type": "flatten"}
    {"type": "linear", "out_features": 10}

Keys other than "type", "out_channels", "kernel_size" and "out_features" may be absent;
then PyTorch's defaults hold: for "conv" stride=1, padding=0, dilation=1, as in
nn.Conv2d; for "pool" stride=kernel_size (NOT 1) and padding=0, as in nn.MaxPool2d.
Kernels, strides, paddings and dilations are single ints, the same for height and
width. Padding is added on each side; sizes round down (ceil_mode=False).
"""

import torch
from torch import nn


class SmallCNN(nn.Module):
    """A small CNN with exactly this architecture, for inputs (N, in_channels, 28, 28):

        conv1: nn.Conv2d(in_channels, 8, kernel_size=3, padding=1) -> ReLU -> nn.MaxPool2d(2)
        conv2: nn.Conv2d(8, 16, kernel_size=3)                      -> ReLU -> nn.MaxPool2d(2)
        flatten (keep the batch axis)                               -> fc: nn.Linear(?, num_classes)

    Work out the input size of fc (the "?") yourself. The output is the logits, shape
    (N, num_classes): no softmax at the end (nn.CrossEntropyLoss applies it itself).

    The grader copies its own float64 weights into your parameters in the order of
    model.parameters(): conv1.weight, conv1.bias, conv2.weight, conv2.bias, fc.weight,
    fc.bias, so the network must have exactly these six parameter tensors, created in this
    order (attributes conv1, conv2, fc, or one nn.Sequential attribute, both work). It then
    compares the logits and the gradients of all parameters with its own network.
    """

    def __init__(self, in_channels: int, num_classes: int) -> None:
        """Create the layers (the pooling and ReLU have no parameters)."""
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, 8, kernel_size=3, padding=1)  # 28x28 -> 28x28
        self.conv2 = nn.Conv2d(8, 16, kernel_size=3)  # 14x14 -> 12x12
        self.pool = nn.MaxPool2d(2)  # no parameters, so one module serves both blocks
        self.fc = nn.Linear(16 * 6 * 6, num_classes)  # after the second pooling: 16 maps of 6x6

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: (N, in_channels, 28, 28) float tensor -> logits (N, num_classes)."""
        x = self.pool(torch.relu(self.conv1(x)))  # (N, 8, 14, 14)
        x = self.pool(torch.relu(self.conv2(x)))  # (N, 16, 6, 6)
        return self.fc(torch.flatten(x, start_dim=1))  # logits (N, num_classes)


def output_shape(input_shape: tuple[int, int, int], layers: list[dict]) -> tuple[int, ...]:
    """Shape of one example after the stack `layers` (see the module docstring), by formula.

    Args:
        input_shape: (C, H, W) of one example (no batch axis); H and W may differ.
        layers: specs of "conv", "pool", "flatten" and "linear" layers, applied in order;
            "linear" only comes after "flatten". The stack is valid: every size stays >= 1.

    Returns:
        A tuple of Python ints: (C, H, W) while the tensor is an image, (F,) after
        "flatten" or "linear". Compute it with the output-size formula; sizes may be as
        large as 100000, so do not run real layers on a tensor of zeros.
    """
    shape = tuple(input_shape)
    for spec in layers:
        kind = spec["type"]
        if kind in ("conv", "pool"):
            channels, height, width = shape
            k = spec["kernel_size"]
            stride = spec.get("stride", 1 if kind == "conv" else k)
            padding, dilation = spec.get("padding", 0), spec.get("dilation", 1)
            if kind == "conv":
                channels = spec["out_channels"]
            height, width = (_conv_length(n, k, stride, padding, dilation) for n in (height, width))
            shape = (channels, height, width)
        elif kind == "flatten":
            shape = (_product(shape),)
        elif kind == "linear":
            shape = (spec["out_features"],)
        else:
            raise ValueError(f"unknown layer type {kind!r}")
    return shape


def receptive_field(layers: list[dict]) -> tuple[int, int]:
    """Receptive field of one unit at the top of a stack of "conv" and "pool" specs, along one axis.

    Returns:
        (size, jump) as Python ints. size is how many input pixels the field spans along
        one axis, from the first input pixel the unit depends on to the last one; jump is
        the distance in input pixels between the fields of two neighbouring units of the
        last layer. Padding changes neither. An empty stack gives (1, 1).

    Use the recurrence over layers, not autograd: stacks may have 40 layers.
    """
    size, jump = 1, 1  # one input pixel; neighbouring "units" of the input are 1 pixel apart
    for spec in layers:
        k = spec["kernel_size"]
        stride = spec.get("stride", 1 if spec["type"] == "conv" else k)
        span = spec.get("dilation", 1) * (k - 1) + 1  # input positions of this layer the window covers
        size += (span - 1) * jump  # each extra position adds `jump` pixels of the original input
        jump *= stride
    return size, jump


def _conv_length(n: int, kernel: int, stride: int, padding: int, dilation: int) -> int:
    """Output length along one axis, as in nn.Conv2d and nn.MaxPool2d (floor)."""
    return (n + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def _product(values) -> int:
    result = 1
    for v in values:
        result *= v
    return result
