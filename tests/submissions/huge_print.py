"""softmax prints 100 MB."""


def softmax(logits):
    line = "x" * 1_000_000
    for _ in range(100):
        print(line)
    return logits
