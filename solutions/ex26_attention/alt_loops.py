"""Correct alternative for exercise 26: a loop over the batch, softmax over the valid positions only."""

import math


def _attend(scores, values, valid):
    """Softmax of scores[valid] (shifted by their maximum), zeros elsewhere; the weighted sum of values."""
    weights = np.zeros(len(scores))
    chosen = np.flatnonzero(valid)
    if len(chosen):
        top = max(scores[j] for j in chosen)
        exps = [math.exp(scores[j] - top) for j in chosen]
        total = sum(exps)
        for j, e in zip(chosen, exps, strict=True):
            weights[j] = e / total
    return weights @ values, weights


def _run(score_row, query, keys, values, mask):
    batch, steps = keys.shape[:2]
    contexts, all_weights = [], []
    for b in range(batch):
        valid = np.ones(steps, dtype=bool) if mask is None else mask[b]
        scores = np.array([score_row(query[b], keys[b, j]) for j in range(steps)])
        context, weights = _attend(scores, values[b], valid)
        contexts.append(context)
        all_weights.append(weights)
    return np.array(contexts).reshape(batch, values.shape[2]), np.array(all_weights).reshape(batch, steps)


def additive_attention(query, keys, values, W_q, W_k, v, mask=None):
    return _run(lambda q, k: float(v @ np.tanh(W_q @ q + W_k @ k)), query, keys, values, mask)


def luong_attention(query, keys, values, W=None, mask=None):
    if W is None:
        return _run(lambda q, k: float(q @ k), query, keys, values, mask)
    return _run(lambda q, k: float(q @ (W @ k)), query, keys, values, mask)
