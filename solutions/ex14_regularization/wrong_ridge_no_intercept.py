"""Wrong variant of exercise 14: no intercept at all, (X^T X + lam I) w = X^T y and b = 0."""

PART = "ridge"
TITLE = "модель без свободного члена: b = 0 и данные не центрируются"
HINTS = (
    "Ваша прямая обязана проходить через начало координат. Хорошо ли это, если mean(y) = 7?",
    "Свободный член нужен, и оптимальное b делает сумму остатков нулевой: b = mean(y) − mean(X)·w.",
    "Центрируйте X и y, решите (XcᵀXc + λI)w = Xcᵀyc, затем найдите b.",
)


def ridge(X, y, lam):
    d = X.shape[1]
    return np.linalg.solve(X.T @ X + lam * np.eye(d), X.T @ y), 0.0
