"""Wrong variant of exercise 5: the absolute error ||a − n|| instead of the relative one."""

PART = "gradient_check"
TITLE = "абсолютная ошибка вместо относительной"
HINTS = (
    "Умножьте оба градиента на 1000: изменился ли ваш ответ? А должен ли?",
    "Абсолютная разность зависит от масштаба функции потерь: у потери в 1000 раз больше та же "
    "относительная точность даёт в 1000 раз большую разность.",
    "Поделите норму разности на сумму норм обоих градиентов.",
)


def gradient_check(analytic, numeric):
    if analytic.shape != numeric.shape:
        raise ValueError("shapes differ")
    return float(np.linalg.norm(analytic - numeric))
