"""Reference solution of exercise 19: data augmentation and a frozen backbone for small image datasets (topic 19).

Four parts, one function each:
  19.1 random_hflip      horizontal flip with probability p (NumPy, explicit generator);
  19.2 random_crop       zero padding + random crop, as torchvision's RandomCrop(size, padding);
  19.3 freeze_backbone   feature extraction: freeze everything except the model's head;
  19.4 fine_tune_step    one SGD step that updates only the trainable parameters.

Parts 19.1-19.2 take images as float64 NumPy arrays of shape (C, H, W) (channels first,
as in PyTorch) and a ``np.random.Generator``: every random decision must come from that
generator (not from np.random.*, random or torch), so that the same seed gives the same
result. The input arrays are read-only: return new arrays.

Parts 19.3-19.4 work on a torch model with two submodules: ``model.backbone`` (convolutions
with BatchNorm2d: the "pretrained" feature extractor) and ``model.head`` (the classifier;
it may contain Linear, BatchNorm1d, ReLU and Dropout). ``model(x) == model.head(model.backbone(x))``.
Parameters and inputs are float64. torchvision is not allowed (and not needed).
Grade your work with `grade exercise 19` (a single part: `grade exercise 19.2`).
"""

import numpy as np
import torch
import torch.nn.functional as F


def random_hflip(image: np.ndarray, p: float, rng: np.random.Generator) -> np.ndarray:
    """Flip ``image`` horizontally with probability ``p``, like ``RandomHorizontalFlip(p)``.

    image: (C, H, W) float64, read-only. p: a probability in [0, 1]. rng: the only source
    of randomness. A horizontal flip mirrors the width axis: out[c, i, j] = image[c, i, W-1-j].
    Returns a (C, H, W) float64 array: the flipped image with probability p, otherwise an
    unchanged copy. p = 1 always flips, p = 0 never does.
    """
    if rng.random() < p:
        return image[:, :, ::-1].copy()  # reverse the width axis (the last one)
    return image.copy()


def random_crop(image: np.ndarray, size: tuple, padding: int, rng: np.random.Generator) -> np.ndarray:
    """Pad with zeros and crop a random window, like ``RandomCrop(size, padding=padding)``.

    image: (C, H, W) float64, read-only. size = (h, w): the height and width of the output.
    padding: the number of zero rows/columns added on EACH side of the height and width
    axes (not the channel axis), giving a (C, H + 2*padding, W + 2*padding) image.
    The window's top-left corner (top, left) is uniform over every position where the
    window fits: top in {0, ..., H + 2*padding - h}, left in {0, ..., W + 2*padding - w};
    all channels are cut at the same position. Returns a (C, h, w) float64 array.
    You may assume 1 <= h <= H + 2*padding and 1 <= w <= W + 2*padding.
    """
    h, w = size
    # pad only the two spatial axes; the channel axis gets (0, 0)
    padded = np.pad(image, ((0, 0), (padding, padding), (padding, padding)), mode="constant")
    top = rng.integers(0, padded.shape[1] - h + 1)  # the upper bound is exclusive: + 1
    left = rng.integers(0, padded.shape[2] - w + 1)
    return padded[:, top:top + h, left:left + w].copy()


def freeze_backbone(model: torch.nn.Module) -> None:
    """Prepare ``model`` for feature extraction, in place; returns None.

    - every parameter of ``model.backbone`` gets requires_grad=False;
    - every parameter of ``model.head`` keeps requires_grad=True;
    - every BatchNorm layer of the backbone is switched to eval mode, so that its running
      statistics stay frozen and it normalises with them;
    - the head's modules stay in training mode (its Dropout and BatchNorm1d keep working).
    Do not replace modules or parameters (the grader inspects the same objects).
    """
    for parameter in model.backbone.parameters():
        parameter.requires_grad_(False)
    for module in model.backbone.modules():
        if isinstance(module, torch.nn.modules.batchnorm._BatchNorm):
            module.eval()  # running statistics are frozen and used for normalisation


def fine_tune_step(model: torch.nn.Module, x: torch.Tensor, y: torch.Tensor, lr: float) -> float:
    """One plain SGD step on the batch (x, y) that changes only the trainable parameters.

    x: (B, C, H, W) float64 tensor; y: (B,) int64 class indices. The loss is the mean
    cross-entropy F.cross_entropy(model(x), y). Update exactly the parameters with
    requires_grad=True (whatever they are, not only the head): p <- p - lr * dL/dp
    (torch.optim.SGD without momentum or weight decay, or a manual update under
    torch.no_grad()). Gradients left from an earlier call must not leak into this step.
    Do not change the train/eval mode of any module (the caller has set them).
    Returns the loss before the update as a Python float.
    """
    trainable = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.SGD(trainable, lr=lr)
    optimizer.zero_grad()  # a new optimizer does not clear gradients left on the parameters
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
    return loss.item()
