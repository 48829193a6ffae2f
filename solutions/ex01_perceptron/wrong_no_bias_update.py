"""Wrong variant of exercise 1: the bias is never updated (stays 0)."""

PART = "perceptron_fit"
TITLE = "смещение b не обновляется: граница всегда проходит через начало координат"
HINTS = (
    "Посмотрите на возвращаемое b: меняется ли оно хоть раз?",
    "Смещение — такой же вес, как w, только при входе, всегда равном 1; при ошибке он тоже обновляется.",
    "При ошибке на примере i: b ← b + lr·y[i].",
)


def perceptron_fit(X, y, lr=1.0, max_epochs=100):
    w, b, n_updates = np.zeros(X.shape[1]), 0.0, 0
    for _ in range(max_epochs):
        mistakes = 0
        for i in range(len(X)):
            if y[i] * (w @ X[i] + b) <= 0:
                w = w + lr * y[i] * X[i]
                mistakes += 1
        n_updates += mistakes
        if mistakes == 0:
            return w, float(b), n_updates, True
    return w, float(b), n_updates, False
