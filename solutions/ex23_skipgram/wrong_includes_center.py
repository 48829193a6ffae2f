"""Wrong variant of exercise 23: the window offsets include 0, so the center is paired with itself."""

PART = "skipgram_pairs"
TITLE = "в окно попадает сама центральная позиция (пары «слово — оно же»)"
HINTS = (
    "Сколько пар должно получиться для последовательности из двух слов при window = 1?",
    "Контекст — это соседи слова на расстоянии от 1 до window; смещение 0 указывает на само слово.",
    "Перебирайте смещения −window…−1 и 1…window, пропуская 0.",
)


def skipgram_pairs(token_ids, window):
    n = len(token_ids)
    pairs = []
    for i in range(n):
        for offset in range(-window, window + 1):
            j = i + offset
            if 0 <= j < n:
                pairs.append((token_ids[i], token_ids[j]))
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)
