"""Wrong variant of exercise 1: one vectorised (batch) update per epoch instead of the online rule."""

PART = "perceptron_fit"
TITLE = "пакетное обновление раз в эпоху вместо обновления после каждого примера"
HINTS = (
    "Сравните ваш w после первой эпохи с тем, что получится, если пройти примеры по одному на бумаге.",
    "В правиле Розенблатта веса меняются сразу после ошибки, и следующий пример уже видит новые w и b; "
    "сумма поправок за эпоху по старым весам — другой алгоритм.",
    "Обходите примеры циклом в заданном порядке и обновляйте w, b внутри цикла, сразу при ошибке.",
)


def perceptron_fit(X, y, lr=1.0, max_epochs=100):
    w, b, n_updates = np.zeros(X.shape[1]), 0.0, 0
    for _ in range(max_epochs):
        wrong = y * (X @ w + b) <= 0
        if not wrong.any():
            return w, float(b), n_updates, True
        w = w + lr * (y[wrong][:, None] * X[wrong]).sum(axis=0)
        b = b + lr * y[wrong].sum()
        n_updates += int(wrong.sum())
    return w, float(b), n_updates, False
