"""Wrong variant of exercise 14: the normal equations of the MEAN squared error, (Xc^T Xc / n + lam I)."""

PART = "ridge"
TITLE = "нормальные уравнения для средней, а не суммарной квадратичной ошибки"
HINTS = (
    "Какую потерю минимизирует ваше решение: сумму квадратов остатков или их среднее?",
    "Деление XᵀX на n равносильно замене λ на n·λ в потере из условия.",
    "В условии сумма квадратов: (XcᵀXc + λI)w = Xcᵀyc, без деления на n.",
)


def ridge(X, y, lam):
    n, d = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    w = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(d), Xc.T @ yc / n)
    return w, float(y_mean - x_mean @ w)
