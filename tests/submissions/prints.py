"""A correct solution that prints while it works (the grader captures it per check)."""

import numpy as np


def softmax(logits):
    exps = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def cross_entropy(logits, targets):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = float(-log_probs[np.arange(len(targets)), targets].mean())
    print("loss =", loss)
    return loss


def cross_entropy_backward(logits, targets):
    grad = softmax(logits)
    grad[np.arange(len(targets)), targets] -= 1
    return grad / len(targets)
