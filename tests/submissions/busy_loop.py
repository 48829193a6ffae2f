"""softmax never returns: a busy loop burns CPU."""


def softmax(logits):
    while True:
        pass
