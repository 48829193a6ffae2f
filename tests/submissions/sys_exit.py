"""softmax calls sys.exit."""

import sys


def softmax(logits):
    sys.exit(3)
