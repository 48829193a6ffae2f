"""softmax allocates memory in 256 MiB blocks until the worker's memory limit stops it.

Expected: 7.1 error — лимит памяти
"""

import numpy as np


def softmax(logits):
    hoard = []
    while True:
        hoard.append(np.empty(1 << 25))
