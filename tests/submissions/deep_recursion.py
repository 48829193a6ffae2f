"""softmax recurses without end."""


def softmax(logits):
    return softmax(logits)
