"""Wrong variant of exercise 1: a mistake is y*(w@x+b) < 0, so from w = 0 nothing ever updates."""

PART = "perceptron_fit"
TITLE = "строгое неравенство y·(w·x + b) < 0: точки на границе не считаются ошибками"
HINTS = (
    "Что делает ваш алгоритм с первым примером, когда w = 0 и b = 0?",
    "При нулевых весах w·x + b = 0 для всех точек: если такая точка не считается ошибкой, "
    "обучение не начнётся, а алгоритм «сойдётся» сразу.",
    "Ошибка — это y·(w·x + b) ≤ 0: точка на разделяющей границе тоже требует обновления.",
)


def perceptron_fit(X, y, lr=1.0, max_epochs=100):
    w, b, n_updates = np.zeros(X.shape[1]), 0.0, 0
    for _ in range(max_epochs):
        mistakes = 0
        for i in range(len(X)):
            if y[i] * (w @ X[i] + b) < 0:
                w = w + lr * y[i] * X[i]
                b = b + lr * y[i]
                mistakes += 1
        n_updates += mistakes
        if mistakes == 0:
            return w, float(b), n_updates, True
    return w, float(b), n_updates, False
