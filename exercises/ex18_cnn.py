"""Exercise 18: the architecture of a convolutional classifier (topic 18).

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
        raise NotImplementedError("ex18.1: define the layers of SmallCNN")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """x: (N, in_channels, 28, 28) float tensor -> logits (N, num_classes)."""
        raise NotImplementedError("ex18.1: implement SmallCNN.forward")


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
    raise NotImplementedError("ex18.2: implement output_shape")


def receptive_field(layers: list[dict]) -> tuple[int, int]:
    """Receptive field of one unit at the top of a stack of "conv" and "pool" specs, along one axis.

    Returns:
        (size, jump) as Python ints. size is how many input pixels the field spans along
        one axis, from the first input pixel the unit depends on to the last one; jump is
        the distance in input pixels between the fields of two neighbouring units of the
        last layer. Padding changes neither. An empty stack gives (1, 1).

    Use the recurrence over layers, not autograd: stacks may have 40 layers.
    """
    raise NotImplementedError("ex18.3: implement receptive_field")
