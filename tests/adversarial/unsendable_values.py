"""softmax returns an object array holding a callable, and cross_entropy a huge Python int.

An object array would need pickle, which the wire format never uses; an integer too large
for a float is a wrong number, not a crash of the grader.

Expected: 7.1 failed — функция вернула не данные
Expected: 7.2 failed — cross_entropy
"""

import numpy as np


def softmax(logits):
    out = np.empty(logits.shape, dtype=object)
    out[...] = print
    return out


def cross_entropy(logits, targets):
    return 10**400
