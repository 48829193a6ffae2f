"""Wrong variant of exercise 28: eps added to the standard deviation instead of the variance."""

PART = "bert_embeddings"
TITLE = "eps прибавлен к стандартному отклонению, а не к дисперсии под корнем"
HINTS = (
    "При eps = 1e-12 разницы не видно. Сравните с F.layer_norm при eps = 0.5.",
    "В LayerNorm знаменатель равен sqrt(Var + eps): eps стоит под корнем.",
    "Делите на np.sqrt(variance + eps), а не на np.sqrt(variance) + eps.",
)


def bert_embeddings(input_ids, token_type_ids, word_emb, pos_emb, type_emb, gamma, beta, eps=1e-12):
    summed = word_emb[input_ids] + pos_emb[:input_ids.shape[1]][None] + type_emb[token_type_ids]
    mean = summed.mean(axis=-1, keepdims=True)
    std = np.sqrt(((summed - mean) ** 2).mean(axis=-1, keepdims=True))
    return gamma * (summed - mean) / (std + eps) + beta
