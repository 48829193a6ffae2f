"""Wrong variant of exercise 27: heads split by reshape (B, L, E) -> (B, h, L, d) without a transpose."""

PART = "multi_head_attention"
TITLE = "головы выделены reshape без transpose: смешиваются позиции и признаки"
HINTS = (
    "С одной головой ваш ответ верен, а с несколькими нет? Посмотрите, какие числа попадают в голову 0.",
    "reshape(B, h, L, d) режет подряд идущую память: в голову 0 попадают целые токены, а не столбцы "
    "0..d−1 каждого токена. Голова должна владеть блоком признаков у всех позиций.",
    "Сначала reshape(B, L, h, d), затем переставьте оси в (B, h, L, d); при склейке голов — обратный порядок.",
)


def multi_head_attention(query, key, value, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias,
                         num_heads, key_padding_mask=None):
    batch, length, embed = query.shape
    head_dim = embed // num_heads
    W_q, W_k, W_v = np.split(in_proj_weight, 3)
    b_q, b_k, b_v = np.split(in_proj_bias, 3)

    def split_heads(x):
        return x.reshape(batch, num_heads, x.shape[1], head_dim)

    allowed = None if key_padding_mask is None else ~key_padding_mask[:, None, None, :]
    heads, weights = scaled_dot_product_attention(split_heads(query @ W_q.T + b_q), split_heads(key @ W_k.T + b_k),
                                                  split_heads(value @ W_v.T + b_v), allowed)
    concat = heads.reshape(batch, length, embed)
    return concat @ out_proj_weight.T + out_proj_bias, weights.mean(axis=1)
