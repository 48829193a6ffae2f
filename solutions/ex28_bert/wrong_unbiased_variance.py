"""Wrong variant of exercise 28: LayerNorm with the unbiased variance (divides by H - 1)."""

PART = "bert_embeddings"
TITLE = "в LayerNorm несмещённая дисперсия (деление на H − 1)"
HINTS = (
    "При gamma = 1 и beta = 0 какой должна получиться дисперсия выхода по оси H? А у вас?",
    "LayerNorm (и nn.LayerNorm, и BERT) делит сумму квадратов отклонений на H, а не на H − 1.",
    "Используйте среднее квадратов отклонений: np.var по последней оси с ddof=0 (по умолчанию).",
)


def bert_embeddings(input_ids, token_type_ids, word_emb, pos_emb, type_emb, gamma, beta, eps=1e-12):
    summed = word_emb[input_ids] + pos_emb[:input_ids.shape[1]][None] + type_emb[token_type_ids]
    mean = summed.mean(axis=-1, keepdims=True)
    variance = summed.var(axis=-1, ddof=1, keepdims=True)
    return gamma * (summed - mean) / np.sqrt(variance + eps) + beta
