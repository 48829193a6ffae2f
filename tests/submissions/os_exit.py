"""softmax kills its process with os._exit."""

import os


def softmax(logits):
    os._exit(7)
