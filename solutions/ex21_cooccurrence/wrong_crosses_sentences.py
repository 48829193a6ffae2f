"""Wrong variant of exercise 21: the sentences are concatenated, so windows cross their boundaries."""

PART = "cooccurrence_matrix"
TITLE = "окно переходит через границу предложений (корпус склеен в одну строку)"
HINTS = (
    "Сравните матрицу корпуса из двух предложений с суммой матриц каждого предложения отдельно.",
    "Последнее слово одного предложения и первое слово следующего — не соседи: "
    "контекст берётся только внутри предложения.",
    "Считайте пары отдельно для каждого предложения и складывайте матрицы.",
)

_counts_within = cooccurrence_matrix  # the reference, loaded before this file


def cooccurrence_matrix(corpus_ids, vocab_size, window):
    tokens = np.concatenate([np.asarray(s, dtype=int) for s in corpus_ids])
    return _counts_within([tokens], vocab_size, window)
