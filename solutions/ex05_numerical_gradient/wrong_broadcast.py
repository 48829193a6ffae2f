"""Wrong variant of exercise 5: no shape check, so (6,) and (6, 1) broadcast into a (6, 6) difference."""

PART = "gradient_check"
TITLE = "формы не сверяются, и NumPy молча делает broadcasting"
HINTS = (
    "Что вернёт ваша функция для массивов формы (6,) и (6, 1) с одинаковыми числами?",
    "Разность массивов (6,) и (6, 1) — матрица (6, 6): NumPy растягивает обе формы, и ошибка "
    "получается большой, хотя числа совпадают (или маленькой, хотя сравнивать нечего).",
    "Сравните analytic.shape и numeric.shape и при несовпадении выбросьте ValueError.",
)


def gradient_check(analytic, numeric):
    scale = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    if scale == 0.0:
        return 0.0
    return float(np.linalg.norm(analytic - numeric) / scale)
