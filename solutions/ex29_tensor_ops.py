"""Exercise 29: shape-changing and aggregation operations on torch tensors (topic 29).

Three functions, one per part, written with torch tensor operations only. No Python loops:
``for``, ``while`` and comprehensions are rejected by the grader's static scan, and so are the
shortcuts ``unfold`` / ``nn.Unfold``, ``nanmean``, ``unravel_index`` and ``vmap``. Work on the
device of the input (create new tensors with ``device=x.device``), never call ``.cpu()``/``.cuda()``,
and do not modify the inputs in place.
Grade your work with `grade exercise 29` (a single part: `grade exercise 29.2`; on a GPU add
`--device cuda`).
"""

import torch


def image_to_patches(x: torch.Tensor, p: int) -> torch.Tensor:
    """Cut a batch of images into non-overlapping p x p patches and flatten every patch.

    x: (B, C, H, W) float64 tensor; H and W are multiples of p (H may differ from W).
    p: the patch side, an int >= 1.
    Returns a (B, N, C * p * p) float64 tensor, N = (H // p) * (W // p):
    * patches are numbered row by row: patch n = i * (W // p) + j covers rows i*p .. i*p + p - 1
      and columns j*p .. j*p + p - 1;
    * inside a patch the features are ordered (channel, row in the patch, column in the patch),
      the channel changing slowest: feature c * p * p + a * p + b is x[:, c, i*p + a, j*p + b].
    This is exactly ``F.unfold(x, kernel_size=p, stride=p).transpose(1, 2)`` (which is forbidden).
    """
    B, C, H, W = x.shape
    rows, cols = H // p, W // p
    # (B, C, rows, p, cols, p): split each spatial axis into (patch index, position inside the patch)
    blocks = x.reshape(B, C, rows, p, cols, p)
    # bring the patch indices forward and the (channel, a, b) triple last, in that order
    blocks = blocks.permute(0, 2, 4, 1, 3, 5)
    # permute made the tensor non-contiguous: reshape copies here, view would fail
    return blocks.reshape(B, rows * cols, C * p * p)


def masked_mean(x: torch.Tensor, mask: torch.Tensor, dim: int, keepdim: bool = False) -> torch.Tensor:
    """Mean of x along ``dim`` over the elements where ``mask`` is True.

    x: float64 tensor of any shape (at least 1-D).
    mask: bool tensor of the same shape as x; True means "this element counts".
    dim: the axis to average over; negative values count from the end, as in torch.
    keepdim: as in ``torch.mean``: keep ``dim`` as an axis of size 1.
    Returns a float64 tensor of the shape of ``x.sum(dim, keepdim=keepdim)``.
    Conventions: a slice with no True element has mean 0.0 (not NaN); the masked-out elements
    of x may hold any values, inf and NaN included, and must not influence the result.
    """
    # where, not x * mask: 0 * inf and 0 * nan are nan, so masked-out values would leak
    kept = torch.where(mask, x, torch.zeros((), dtype=x.dtype, device=x.device))
    total = kept.sum(dim=dim, keepdim=keepdim)
    count = mask.sum(dim=dim, keepdim=keepdim).to(x.dtype)
    # an empty slice has total 0 and count 0: dividing by max(count, 1) gives 0, not 0/0 = nan
    return total / count.clamp(min=1.0)


def batch_argmax_2d(x: torch.Tensor) -> torch.Tensor:
    """Position (row, column) of the maximum of every matrix in a batch.

    x: (B, H, W) float64 tensor without NaN (H may differ from W; B, H, W >= 1).
    Returns a (B, 2) int64 tensor: out[b] = (row, column) of the largest element of x[b].
    Ties: if the maximum occurs several times, return the first occurrence in row-major order
    (the smallest row, and within it the smallest column).
    """
    B, H, W = x.shape
    # argmax of the flattened matrix returns the first maximum in row-major order
    flat = x.reshape(B, H * W).argmax(dim=1)
    # flat index = row * W + column, so divide by the row length W (not by H)
    return torch.stack((flat // W, flat % W), dim=1)
