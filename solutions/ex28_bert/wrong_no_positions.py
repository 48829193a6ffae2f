"""Wrong variant of exercise 28: the position embeddings are left out of the sum."""

PART = "bert_embeddings"
TITLE = "не прибавлены позиционные эмбеддинги"
HINTS = (
    "Поставьте один и тот же токен на две разные позиции: должны ли их векторы совпасть?",
    "Self-attention не различает порядок токенов; порядок в BERT вносится только обучаемыми "
    "позиционными эмбеддингами, которые прибавляются к словам.",
    "Позиции t соответствует строка pos_emb[t], t = 0..T−1; сложите её с эмбеддингом слова и сегмента до LayerNorm.",
)


def bert_embeddings(input_ids, token_type_ids, word_emb, pos_emb, type_emb, gamma, beta, eps=1e-12):
    summed = word_emb[input_ids] + type_emb[token_type_ids]
    mean = summed.mean(axis=-1, keepdims=True)
    variance = ((summed - mean) ** 2).mean(axis=-1, keepdims=True)
    return gamma * (summed - mean) / np.sqrt(variance + eps) + beta
