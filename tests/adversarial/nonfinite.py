"""softmax returns +inf, -inf and NaN where the oracle is finite.

Expected: 7.1 failed — NaN или бесконечны
"""

import numpy as np


def softmax(logits):
    out = np.full(logits.shape, np.inf)
    out.flat[::2] = np.nan
    out.flat[1::3] = -np.inf
    return out
