"""Wrong variant of exercise 13: 1/lambda_max (the stability bound of the wrong factor) instead of 2/lambda_max."""

PART = "critical_learning_rate"
TITLE = "1/λ_max вместо 2/λ_max"
HINTS = (
    "Вдоль собственного вектора ошибка умножается на (1 − lr·λ) за шаг. При каком lr этот множитель равен −1?",
    "При lr = 1/λ_max множитель по старшему направлению равен нулю — это самый быстрый шаг, но не граница.",
    "Спуск ещё сходится, пока |1 − lr·λ_max| < 1, то есть до lr = 2/λ_max.",
)


def critical_learning_rate(A):
    return float(1.0 / np.linalg.eigvalsh(A)[-1])
