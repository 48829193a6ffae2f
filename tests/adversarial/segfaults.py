"""softmax writes through a null pointer with ctypes.

Expected: 7.1 error — SIGSEGV
"""

import ctypes


def softmax(logits):
    ctypes.memset(0, 1, 16)
