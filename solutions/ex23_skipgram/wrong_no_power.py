"""Wrong variant of exercise 23: plain unigram frequencies, the power is ignored."""

PART = "noise_distribution"
TITLE = "степень не применена: униграммное распределение c/N вместо c^{3/4}/Σc^{3/4}"
HINTS = (
    "Изменится ли ваш ответ, если передать power = 0.5? А должен.",
    "Шумовое распределение word2vec — частоты в степени power (по умолчанию 3/4), а не сами частоты: "
    "степень поднимает вероятности редких слов.",
    "Возведите счётчики в степень power и нормируйте результат на его сумму.",
)


def noise_distribution(counts, power=0.75):
    return counts / counts.sum()
