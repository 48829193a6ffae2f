"""Exercise 7: softmax and the cross-entropy loss in NumPy (topic 7).

Implement the three functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 7` (a single part: `grade exercise 7.2`).
"""

import numpy as np


def softmax(logits: np.ndarray) -> np.ndarray:
    """Softmax over the last axis of a float64 array of any rank.

    Returns a float64 array of the same shape whose entries along the last axis are
    positive and sum to 1, like ``torch.softmax(logits, dim=-1)``. Must stay finite for
    logits of magnitude 1e4 and must not modify ``logits`` (it is read-only when graded).
    """
    raise NotImplementedError("ex07.1: implement softmax")


def cross_entropy(logits: np.ndarray, targets: np.ndarray) -> float:
    """Mean cross-entropy loss of a batch, like ``torch.nn.functional.cross_entropy``.

    logits: (B, C) float64, raw scores (not probabilities).
    targets: (B,) integer class indices in [0, C).
    Returns the mean over the batch of -log softmax(logits)[b, targets[b]] as a float.
    Must stay finite for logits of magnitude 1e4.
    """
    raise NotImplementedError("ex07.2: implement cross_entropy")


def cross_entropy_backward(logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Gradient of ``cross_entropy(logits, targets)`` (the batch mean) with respect to the logits.

    logits: (B, C) float64; targets: (B,) integer class indices.
    Returns a (B, C) float64 array. Must stay finite for logits of magnitude 1e4.
    """
    raise NotImplementedError("ex07.3: implement cross_entropy_backward")
