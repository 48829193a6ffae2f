"""Wrong variant of exercise 21: range(p - k, p + k) loses the k-th neighbour on the right."""

PART = "cooccurrence_matrix"
TITLE = "граница окна: range(p − k, p + k) не доходит до k-го соседа справа"
HINTS = (
    "Посчитайте вручную для окна 1 и предложения из двух слов: сколько пар должно получиться?",
    "range(a, b) не включает b: правая граница окна p + k должна входить в перебор.",
    "Перебирайте q в range(max(0, p − k), min(n, p + k + 1)) и пропускайте q = p.",
)


def cooccurrence_matrix(corpus_ids, vocab_size, window):
    counts = np.zeros((vocab_size, vocab_size))
    for sentence in corpus_ids:
        n = len(sentence)
        for p in range(n):
            for q in range(max(0, p - window), min(n, p + window)):
                if q != p:
                    counts[sentence[p], sentence[q]] += 1.0
    return counts
