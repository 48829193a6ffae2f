"""softmax keeps NumPy's LAPACK busy on a large matrix: a busy loop inside C, where Python's
signal handlers never run. The kernel's CPU limit stops it all the same.

Expected: 7.1 error — лимит процессорного времени
"""

import numpy as np


def softmax(logits):
    matrix = np.random.default_rng(0).random((1500, 1500))
    while True:
        matrix = np.linalg.inv(matrix + np.eye(1500))
