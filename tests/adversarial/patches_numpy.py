"""At import, the file replaces NumPy's comparisons with ones that always agree; softmax returns zeros.

The patches live in the worker only; every comparison runs in the grader's process.

Expected: 7.1 failed — неверны
"""

import numpy as np

np.allclose = lambda *args, **kwargs: True
np.isclose = lambda a, b, *args, **kwargs: np.ones(np.shape(a), dtype=bool)
np.array_equal = lambda *args, **kwargs: True
np.isfinite = lambda a, *args, **kwargs: np.ones(np.shape(a), dtype=bool)
np.testing.assert_allclose = lambda *args, **kwargs: None


def softmax(logits):
    return np.zeros(logits.shape)
