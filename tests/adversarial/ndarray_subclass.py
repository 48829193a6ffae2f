"""softmax returns an ndarray subclass whose comparisons, ufuncs and conversions say "equal".

The worker sends its plain data (zeros here), and the grader compares that with its oracle.

Expected: 7.1 failed — неверны
"""

import numpy as np


class AlwaysClose(np.ndarray):
    def __eq__(self, other):
        return np.ones(self.shape, dtype=bool)

    __hash__ = None

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return True

    def __array_function__(self, func, types, args, kwargs):
        return True

    def __array__(self, dtype=None, copy=None):
        return np.full(self.shape, 1.0 / self.shape[-1])

    def tobytes(self, order="C"):
        return np.full(self.shape, 1.0 / self.shape[-1]).tobytes(order)


def softmax(logits):
    return np.zeros(logits.shape).view(AlwaysClose)
