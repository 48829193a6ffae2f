"""Wrong variant of exercise 7: the gradient of the mean loss without the 1/B factor."""

PART = "cross_entropy_backward"
TITLE = "градиент не поделён на размер батча"
HINTS = (
    "Потеря — среднее по батчу. Как меняется градиент, если повторить батч дважды?",
    "Производная среднего по B примерам — это производная суммы, делённая на B.",
    "Градиент равен (softmax(logits) − onehot(targets)) / B.",
)


def cross_entropy_backward(logits, targets):
    grad = softmax(logits)
    grad[np.arange(len(targets)), targets] -= 1.0
    return grad
