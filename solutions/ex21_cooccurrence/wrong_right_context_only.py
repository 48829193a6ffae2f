"""Wrong variant of exercise 21: only the right-hand context is counted (the window is one-sided)."""

PART = "cooccurrence_matrix"
TITLE = "учитывается только правый контекст, окно несимметрично"
HINTS = (
    "Транспонируйте вашу матрицу: совпадает ли она с собой?",
    "Слово на позиции p видит и k соседей слева, и k соседей справа; каждая пара соседей "
    "должна попасть в матрицу дважды — X[i, j] и X[j, i].",
    "Перебирайте позиции q от p − k до p + k включительно (в пределах предложения), кроме самой p.",
)


def cooccurrence_matrix(corpus_ids, vocab_size, window):
    counts = np.zeros((vocab_size, vocab_size))
    for sentence in corpus_ids:
        for p in range(len(sentence)):
            for q in range(p + 1, min(len(sentence), p + window + 1)):
                counts[sentence[p], sentence[q]] += 1.0
    return counts
