"""Wrong variant of exercise 27: key_padding_mask passed on as if True meant "may attend"."""

PART = "multi_head_attention"
TITLE = "key_padding_mask передана в scaled_dot_product_attention без инверсии"
HINTS = (
    "Какие ключи получают нулевой вес у вас, а какие у nn.MultiheadAttention?",
    "У nn.MultiheadAttention True в key_padding_mask значит «это паддинг, смотреть нельзя», "
    "а в части 27.1 True значит «смотреть можно»: соглашения противоположны.",
    "Перед вызовом функции из 27.1 инвертируйте маску (~key_padding_mask) и добавьте оси голов и запросов.",
)


def multi_head_attention(query, key, value, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias,
                         num_heads, key_padding_mask=None):
    batch, length, embed = query.shape
    head_dim = embed // num_heads
    W_q, W_k, W_v = np.split(in_proj_weight, 3)
    b_q, b_k, b_v = np.split(in_proj_bias, 3)

    def split_heads(x):
        return x.reshape(batch, x.shape[1], num_heads, head_dim).transpose(0, 2, 1, 3)

    allowed = None if key_padding_mask is None else key_padding_mask[:, None, None, :]
    heads, weights = scaled_dot_product_attention(split_heads(query @ W_q.T + b_q), split_heads(key @ W_k.T + b_k),
                                                  split_heads(value @ W_v.T + b_v), allowed)
    concat = heads.transpose(0, 2, 1, 3).reshape(batch, length, embed)
    return concat @ out_proj_weight.T + out_proj_bias, weights.mean(axis=1)
