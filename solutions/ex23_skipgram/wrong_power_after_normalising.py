"""Wrong variant of exercise 23: frequencies normalised first, then raised to the power, not renormalised."""

PART = "noise_distribution"
TITLE = "степень применена к уже нормированным частотам без повторной нормировки (сумма ≠ 1)"
HINTS = (
    "Сложите вероятности, которые возвращает ваша функция: получается ли 1?",
    "(c/N)^{3/4} = c^{3/4}/N^{3/4}, а сумма c^{3/4} не равна N^{3/4}: после возведения в степень "
    "распределение перестаёт быть нормированным.",
    "Сначала возведите счётчики в степень, потом разделите на сумму возведённых значений.",
)


def noise_distribution(counts, power=0.75):
    return (counts / counts.sum()) ** power
