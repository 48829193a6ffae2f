"""Reference solution of exercise 7: softmax and the cross-entropy loss (topic 7).

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
    # softmax(z) = softmax(z - c) for any c; with c = max(z) every exponent is <= 0,
    # so exp cannot overflow and the largest term is exactly 1 (no 0/0 either)
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exps = np.exp(shifted)
    return exps / exps.sum(axis=-1, keepdims=True)


def cross_entropy(logits: np.ndarray, targets: np.ndarray) -> float:
    """Mean cross-entropy loss of a batch, like ``torch.nn.functional.cross_entropy``.

    logits: (B, C) float64, raw scores (not probabilities).
    targets: (B,) integer class indices in [0, C).
    Returns the mean over the batch of -log softmax(logits)[b, targets[b]] as a float.
    Must stay finite for logits of magnitude 1e4.
    """
    log_probs = _log_softmax(logits)  # (B, C)
    rows = np.arange(len(targets))
    return float(-log_probs[rows, targets].mean())


def cross_entropy_backward(logits: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Gradient of ``cross_entropy(logits, targets)`` (the batch mean) with respect to the logits.

    logits: (B, C) float64; targets: (B,) integer class indices.
    Returns a (B, C) float64 array. Must stay finite for logits of magnitude 1e4.
    """
    # d(-log p_y)/dz = p - onehot(y); the mean over B examples divides by B
    grad = softmax(logits)  # (B, C), a fresh array we may write into
    grad[np.arange(len(targets)), targets] -= 1.0
    return grad / len(targets)


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    """log softmax over the last axis via log-sum-exp: never log(0), even when p underflows."""
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
