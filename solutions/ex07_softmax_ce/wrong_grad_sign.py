"""Wrong variant of exercise 7: the gradient with the opposite sign (onehot - p)."""

PART = "cross_entropy_backward"
TITLE = "градиент с противоположным знаком (onehot − p вместо p − onehot)"
HINTS = (
    "Увеличьте логит правильного класса на малое ε: потеря должна уменьшиться. Какой знак у вашей производной?",
    "Производная −log p_y по логиту правильного класса равна p_y − 1 < 0.",
    "Градиент равен (p − onehot(targets)) / B, а не (onehot − p) / B.",
)


def cross_entropy_backward(logits, targets):
    grad = -softmax(logits)
    grad[np.arange(len(targets)), targets] += 1.0
    return grad / len(targets)
