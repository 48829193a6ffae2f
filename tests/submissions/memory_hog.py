"""softmax allocates far more than the memory limit."""

import numpy as np


def softmax(logits):
    return np.ones((1 << 31, 4))
