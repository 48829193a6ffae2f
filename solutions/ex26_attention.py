"""Reference solution of exercise 26: additive and multiplicative attention in NumPy (topic 26).

Implement the two functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 26` (a single part: `grade exercise 26.2`).

Conventions shared by both parts:
- one query per example: ``query`` (B, D_q); keys (B, T, D_k); values (B, T, D_v);
- ``mask`` is a (B, T) bool array, True = the position is a real token and may be attended,
  False = padding that must get weight exactly 0; ``mask=None`` means every position is valid;
- masking happens BEFORE the softmax (masked scores become -inf), so the weights of the valid
  positions of every row sum to 1;
- a row whose positions are all masked gets weights 0 and context 0 (never NaN);
- all arrays are float64 and are read-only: do not modify the inputs.
"""

import numpy as np


def additive_attention(query: np.ndarray, keys: np.ndarray, values: np.ndarray, W_q: np.ndarray, W_k: np.ndarray,
                       v: np.ndarray, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Additive (Bahdanau) attention of one query over T key/value pairs, for a batch.

    query: (B, D_q); keys: (B, T, D_k); values: (B, T, D_v); W_q: (A, D_q); W_k: (A, D_k);
    v: (A,); mask: (B, T) bool (True = valid) or None. All floats are float64.
    Scores: e[b, j] = v . tanh(W_q @ query[b] + W_k @ keys[b, j]), shape (B, T).
    Weights: softmax of the scores over the T axis with masked positions excluded
    (weight exactly 0 there); a fully masked row gets all-zero weights.
    Context: context[b] = sum_j weights[b, j] * values[b, j], shape (B, D_v).
    Returns (context, weights) as float64 arrays of shapes (B, D_v) and (B, T).
    Must stay finite when the scores are of order 1e3.
    """
    projected_query = query @ W_q.T  # (B, A): W_q q for every example
    projected_keys = keys @ W_k.T  # (B, T, A): W_k k_j for every position
    hidden = np.tanh(projected_query[:, None, :] + projected_keys)  # (B, T, A)
    scores = hidden @ v  # (B, T)
    weights = _masked_softmax(scores, mask)
    context = np.einsum("bt,btd->bd", weights, values)
    return context, weights


def luong_attention(query: np.ndarray, keys: np.ndarray, values: np.ndarray, W: np.ndarray | None = None,
                    mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Multiplicative (Luong) attention: the "dot" score, or the "general" score when W is given.

    query: (B, D_q); keys: (B, T, D_k); values: (B, T, D_v); W: (D_q, D_k) or None;
    mask: (B, T) bool (True = valid) or None. All floats are float64.
    Scores: "dot" (W is None, requires D_q == D_k): e[b, j] = query[b] . keys[b, j];
    "general": e[b, j] = query[b] @ W @ keys[b, j] (a bilinear form, no scaling by sqrt(d)).
    Weights and context exactly as in ``additive_attention`` (masking before the softmax,
    all-zero weights and context for a fully masked row).
    Returns (context, weights) as float64 arrays of shapes (B, D_v) and (B, T).
    Must stay finite when the scores are of order 1e3.
    """
    transformed = query if W is None else query @ W  # (B, D_k): q^T W, a row vector
    scores = np.einsum("bd,btd->bt", transformed, keys)  # (B, T)
    weights = _masked_softmax(scores, mask)
    context = np.einsum("bt,btd->bd", weights, values)
    return context, weights


def _masked_softmax(scores: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    """Softmax over the last axis where ``mask`` is True; 0 elsewhere and on fully masked rows."""
    if mask is None:
        mask = np.ones(scores.shape, dtype=bool)
    masked = np.where(mask, scores, -np.inf)
    top = masked.max(axis=-1, keepdims=True)
    top = np.where(np.isfinite(top), top, 0.0)  # a fully masked row has max -inf: shift by 0 instead
    exps = np.exp(masked - top)  # exp(-inf) = 0 at masked positions
    total = exps.sum(axis=-1, keepdims=True)
    return np.divide(exps, total, out=np.zeros_like(exps), where=total > 0)
