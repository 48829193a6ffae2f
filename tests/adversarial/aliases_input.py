"""softmax returns its input array itself, after writing the answer into it through ctypes.

The input is read-only and lives only in the worker; the grader's copy and its oracle are
untouched, so the "answer" is compared with softmax of the original logits.

Expected: 7.1 failed — неверны
"""

import ctypes

import numpy as np


def softmax(logits):
    uniform = np.full(logits.shape, 1.0 / logits.shape[-1])
    if logits.size:
        ctypes.memmove(logits.ctypes.data, uniform.ctypes.data, uniform.nbytes)
    return logits
