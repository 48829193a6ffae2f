"""softmax dereferences a null pointer through ctypes."""

import ctypes


def softmax(logits):
    return ctypes.string_at(0)
