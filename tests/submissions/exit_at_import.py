"""the file calls exit() when imported."""

import sys

sys.exit(1)


def softmax(logits):
    return logits
