"""Wrong variant of exercise 14: the intercept is penalised too (lambda * I on the whole [X, 1] system)."""

PART = "ridge"
TITLE = "свободный член тоже штрафуется"
HINTS = (
    "Сдвиньте все y на 100. Как должны измениться w и b? Как они меняются у вас?",
    "Штраф на b тянет предсказание к нулю, хотя уровень целевой переменной ничем не «сложен»: b не штрафуют.",
    "Либо центрируйте X и y и решайте ridge без свободного члена, либо не ставьте λ в угол матрицы для b.",
)


def ridge(X, y, lam):
    n, d = X.shape
    Z = np.hstack([X, np.ones((n, 1))])
    theta = np.linalg.solve(Z.T @ Z + lam * np.eye(d + 1), Z.T @ y)
    return theta[:d], float(theta[d])
