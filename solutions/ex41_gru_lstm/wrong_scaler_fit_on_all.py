"""Wrong variant of exercise 41: min and max taken over the whole series (test leakage, as in the seed)."""

PART = "scale_by_train"
TITLE = "минимум и максимум взяты по всему ряду, включая тестовую часть (утечка данных)"
HINTS = (
    "Какие значения ряда вы видите, когда вычисляете минимум и максимум?",
    "Масштаб — часть модели: его подбирают только по обучающей части. Если он видел тест, "
    "оценка качества на тесте оказывается завышенной.",
    "Возьмите min и max по series[:train_size], а применяйте их ко всему ряду.",
)


def scale_by_train(series, train_size):
    lo, hi = series.min(), series.max()
    return (series - lo) / (hi - lo)
