"""Wrong variant of exercise 27: the bool mask read as True = blocked (the nn.MultiheadAttention convention)."""

PART = "scaled_dot_product_attention"
TITLE = "маска понята наоборот: True принято за «запрещено»"
HINTS = (
    "Возьмите причинную маску np.tril(...): может ли первый запрос смотреть на первый ключ?",
    "В F.scaled_dot_product_attention булева маска означает «True = позиция участвует во внимании»; "
    "у nn.MultiheadAttention (attn_mask, key_padding_mask) — наоборот. Здесь нужна первая.",
    "Заменяйте на −∞ скоры там, где mask равна False, а не True.",
)


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, -np.inf, scores)
    row_max = scores.max(axis=-1, keepdims=True)
    exps = np.exp(scores - np.where(np.isfinite(row_max), row_max, 0.0))
    total = exps.sum(axis=-1, keepdims=True)
    weights = np.divide(exps, total, out=np.zeros_like(exps), where=total > 0)
    return weights @ v, weights
