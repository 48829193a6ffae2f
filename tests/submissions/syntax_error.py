import numpy as np


def softmax(logits)
    return logits
