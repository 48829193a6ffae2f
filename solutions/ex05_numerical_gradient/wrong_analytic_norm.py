"""Wrong variant of exercise 5: the difference divided by the norm of the analytic gradient only."""

PART = "gradient_check"
TITLE = "знаменатель — норма только аналитического градиента"
HINTS = (
    "Что получится, если аналитический градиент равен нулю, а численный — нет?",
    "Делитель ‖a‖ несимметричен и обращается в ноль вместе с a; результат перестаёт лежать в [0, 1].",
    "В знаменателе стоит сумма норм обоих градиентов: ‖a‖ + ‖n‖.",
)


def gradient_check(analytic, numeric):
    if analytic.shape != numeric.shape:
        raise ValueError("shapes differ")
    scale = np.linalg.norm(analytic)
    if scale == 0.0 and np.linalg.norm(numeric) == 0.0:
        return 0.0
    with np.errstate(divide="ignore"):
        return float(np.linalg.norm(analytic - numeric) / scale)
