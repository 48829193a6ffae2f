"""Wrong variant of exercise 5: no guard for two zero gradients, so 0/0 gives NaN."""

PART = "gradient_check"
TITLE = "нет особого случая для двух нулевых градиентов (0/0 = NaN)"
HINTS = (
    "Что вернёт ваша функция, если оба градиента нулевые (например, в точке минимума)?",
    "Норма разности и сумма норм обе равны нулю, и деление 0/0 даёт NaN — проверка «ошибка < порога» "
    "тогда всегда ложна, хотя градиенты совпадают.",
    "Если сумма норм равна нулю, верните 0.0, иначе делите.",
)


def gradient_check(analytic, numeric):
    if analytic.shape != numeric.shape:
        raise ValueError("shapes differ")
    with np.errstate(invalid="ignore"):
        return float(np.linalg.norm(analytic - numeric) / (np.linalg.norm(analytic) + np.linalg.norm(numeric)))
