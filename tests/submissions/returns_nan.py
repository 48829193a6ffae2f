"""softmax returns NaN everywhere."""

import numpy as np


def softmax(logits):
    return np.full(logits.shape, np.nan)
