"""Wrong variant of exercise 27: every head's scores divided by sqrt(E) instead of sqrt(head_dim)."""

PART = "multi_head_attention"
TITLE = "скоры голов поделены на √E вместо √(E / h)"
HINTS = (
    "С одной головой всё верно, а с несколькими веса слишком «плоские»? Проверьте масштаб скоров.",
    "Каждая голова — обычное внимание в пространстве размерности head_dim = E / h; "
    "масштаб берётся из размерности ключей головы, а не всей модели.",
    "Делите скоры на √head_dim — именно это и получится, если передать в функцию из 27.1 уже разрезанные головы.",
)


def multi_head_attention(query, key, value, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias,
                         num_heads, key_padding_mask=None):
    batch, length, embed = query.shape
    head_dim = embed // num_heads
    W_q, W_k, W_v = np.split(in_proj_weight, 3)
    b_q, b_k, b_v = np.split(in_proj_bias, 3)

    def split_heads(x):
        return x.reshape(batch, x.shape[1], num_heads, head_dim).transpose(0, 2, 1, 3)

    q, k, v = split_heads(query @ W_q.T + b_q), split_heads(key @ W_k.T + b_k), split_heads(value @ W_v.T + b_v)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(embed)
    if key_padding_mask is not None:
        scores = np.where(key_padding_mask[:, None, None, :], -np.inf, scores)
    exps = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = exps / exps.sum(axis=-1, keepdims=True)
    concat = (weights @ v).transpose(0, 2, 1, 3).reshape(batch, length, embed)
    return concat @ out_proj_weight.T + out_proj_bias, weights.mean(axis=1)
