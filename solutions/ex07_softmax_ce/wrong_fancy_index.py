"""Wrong variant of exercise 7: logits[:, targets] picks a (B, B) block instead of one entry per row."""

PART = "cross_entropy"
TITLE = "индексирование logits[:, targets] вместо logits[np.arange(B), targets]"
HINTS = (
    "Проверьте форму того, что вы выбираете из матрицы логарифмов вероятностей.",
    "Выражение a[:, targets] берёт для каждой строки все столбцы из targets, то есть матрицу (B, B), "
    "а нужен один элемент в каждой строке.",
    "Выбирайте пары (строка b, столбец targets[b]): a[np.arange(B), targets].",
)


def cross_entropy(logits, targets):
    log_probs = _log_softmax(logits)
    return float(-log_probs[:, targets].mean())
