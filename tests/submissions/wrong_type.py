"""softmax returns a list instead of an array."""

import numpy as np


def softmax(logits):
    exps = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return (exps / exps.sum(axis=-1, keepdims=True)).tolist()
