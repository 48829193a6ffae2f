"""Wrong variant of exercise 27: the attention weights returned per head, not averaged over the heads."""

PART = "multi_head_attention"
TITLE = "веса внимания не усреднены по головам (возвращается массив (B, h, L, S))"
HINTS = (
    "Сравните форму ваших весов с формой, которую возвращает nn.MultiheadAttention.",
    "С average_attn_weights=True (по умолчанию) модуль возвращает одну карту весов (B, L, S) — "
    "среднее по головам.",
    "Усредните веса голов по оси голов.",
)


def multi_head_attention(query, key, value, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias,
                         num_heads, key_padding_mask=None):
    batch, length, embed = query.shape
    head_dim = embed // num_heads
    W_q, W_k, W_v = np.split(in_proj_weight, 3)
    b_q, b_k, b_v = np.split(in_proj_bias, 3)

    def split_heads(x):
        return x.reshape(batch, x.shape[1], num_heads, head_dim).transpose(0, 2, 1, 3)

    allowed = None if key_padding_mask is None else ~key_padding_mask[:, None, None, :]
    heads, weights = scaled_dot_product_attention(split_heads(query @ W_q.T + b_q), split_heads(key @ W_k.T + b_k),
                                                  split_heads(value @ W_v.T + b_v), allowed)
    concat = heads.transpose(0, 2, 1, 3).reshape(batch, length, embed)
    return concat @ out_proj_weight.T + out_proj_bias, weights
