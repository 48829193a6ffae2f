"""Exercise 32: a Dataset, a collate_fn and transforms written by hand in PyTorch (topic 32).

Implement the four parts below with torch operations. torchvision is not available, and
the helpers of ``torch.nn.utils.rnn`` (``pad_sequence``, ``pack_sequence``, ...) are not
allowed: padding is what part 2 asks you to write. Grade your work with
`grade exercise 32` (a single part: `grade exercise 32.2`; on a GPU: `--device cuda`).
"""

import torch  # noqa: F401  (you will need it)
from torch.utils.data import Dataset


class WindowDataset(Dataset):
    """Sliding windows over a time series, for forecasting the next values.

    series: a float64 tensor of shape (N,) or (N, F) (N time steps, F features), on any device.
    window, horizon, stride: positive ints (the length of the input, of the target, the step
    between the starts of neighbouring windows).

    Item i starts at s = i * stride and is the pair of tensors
        x = series[s : s + window]                      shape (window,) or (window, F)
        y = series[s + window : s + window + horizon]   shape (horizon,) or (horizon, F)
    (y keeps its time axis even when horizon == 1). Both are float64, on the series' device.
    The dataset holds every window that fits completely, the last one included:
    len = (N - window - horizon) // stride + 1 if N >= window + horizon, else 0.
    Indices: a Python int; negative ones count from the end like a list's (-1 is the last
    window); an index outside [-len, len) raises IndexError.
    The class must stay a subclass of torch.utils.data.Dataset, so that a DataLoader can use it.
    """

    def __init__(self, series, window, horizon=1, stride=1):
        """Store the series and the sizes; do not copy the data into a list of windows."""
        raise NotImplementedError("ex32.1: implement WindowDataset.__init__")

    def __len__(self):
        """The number of complete windows (an int)."""
        raise NotImplementedError("ex32.1: implement WindowDataset.__len__")

    def __getitem__(self, index):
        """The pair (x, y) of window number ``index`` (negative indices count from the end)."""
        raise NotImplementedError("ex32.1: implement WindowDataset.__getitem__")


def pad_collate(batch, padding_value=0.0):
    """Collate variable-length sequences into one padded batch: a DataLoader's ``collate_fn``.

    batch: a list of B pairs (sequence, label): sequence is a float64 tensor of shape (T_b, F)
    with T_b >= 1 (the same F in every pair, all on one device), label is an int (or a 0-d
    integer tensor).
    Returns the tuple (padded, lengths, labels), all three on the sequences' device:
        padded:  (B, T_max, F) float64; padded[b, :T_b] is sequence b and every later time
                 step of row b is filled with ``padding_value``; T_max = max T_b;
        lengths: (B,) int64, lengths[b] = T_b;
        labels:  (B,) int64.
    The order of the batch is kept (no sorting by length). Forbidden: pad_sequence and the
    other helpers of torch.nn.utils.rnn.
    """
    raise NotImplementedError("ex32.2: implement pad_collate")


class Normalize:
    """Per-channel normalisation of images, like torchvision.transforms.Normalize(mean, std).

    mean, std: sequences (lists or tuples) of C floats, every std > 0.
    Calling the transform on x, a float64 tensor of shape (C, H, W) or (B, C, H, W), returns
    a new tensor of the same shape, dtype and device with
        out[..., c, :, :] = (x[..., c, :, :] - mean[c]) / std[c].
    The input tensor must not change (no in-place operations on x).
    """

    def __init__(self, mean, std):
        """Keep the per-channel statistics (C floats each)."""
        raise NotImplementedError("ex32.3: implement Normalize.__init__")

    def __call__(self, x):
        """Return the normalised copy of ``x``."""
        raise NotImplementedError("ex32.3: implement Normalize.__call__")


class Compose:
    """A chain of transforms applied in list order: Compose([f, g, h])(x) == h(g(f(x))).

    transforms: a list (or tuple) of callables, possibly empty; an empty Compose returns its
    input unchanged. Each transform receives the previous one's output; calling the Compose
    returns the last one's output. The same Compose object can be called any number of times.
    """

    def __init__(self, transforms):
        """Keep the transforms in order."""
        raise NotImplementedError("ex32.4: implement Compose.__init__")

    def __call__(self, x):
        """Apply every transform in turn to ``x``."""
        raise NotImplementedError("ex32.4: implement Compose.__call__")
