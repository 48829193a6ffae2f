"""A correct solution of exercise 7, the base the other submissions here override."""

import numpy as np


def softmax(logits):
    exps = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return exps / exps.sum(axis=-1, keepdims=True)


def cross_entropy(logits, targets):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-log_probs[np.arange(len(targets)), targets].mean())


def cross_entropy_backward(logits, targets):
    # computed here rather than by calling softmax, which the other files here override
    exps = np.exp(logits - logits.max(axis=1, keepdims=True))
    grad = exps / exps.sum(axis=1, keepdims=True)
    grad[np.arange(len(targets)), targets] -= 1
    return grad / len(targets)
