"""Wrong variant of exercise 26: the masked softmax normalised over the batch axis instead of the positions."""

PART = "additive_attention"
TITLE = "softmax по оси батча (axis=0), а не по позициям T"
HINTS = (
    "Возьмите батч из одного примера: какими получаются веса?",
    "Для каждого примера веса — распределение по его T позициям, они суммируются в 1 по оси T; "
    "примеры батча друг на друга не влияют.",
    "Максимум, сумма и нормировка в softmax должны идти по последней оси (axis=-1) массива скоров (B, T).",
)


def additive_attention(query, keys, values, W_q, W_k, v, mask=None):
    scores = np.tanh((query @ W_q.T)[:, None, :] + keys @ W_k.T) @ v
    valid = np.ones(scores.shape, dtype=bool) if mask is None else mask
    masked = np.where(valid, scores, -np.inf)
    top = masked.max(axis=0, keepdims=True)
    exps = np.exp(masked - np.where(np.isfinite(top), top, 0.0))
    total = exps.sum(axis=0, keepdims=True)
    weights = np.divide(exps, total, out=np.zeros_like(exps), where=total > 0)
    return np.einsum("bt,btd->bd", weights, values), weights
