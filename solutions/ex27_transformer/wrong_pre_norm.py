"""Wrong variant of exercise 27: a pre-norm layer (norm_first=True) instead of post-norm."""

PART = "encoder_layer"
TITLE = "pre-norm вместо post-norm: LayerNorm стоит перед подслоем, а не после суммы"
HINTS = (
    "Чем заканчивается ваш слой? У слоя с norm_first=False последней операцией стоит LayerNorm.",
    "В исходном трансформере и в nn.TransformerEncoderLayer по умолчанию нормируется сумма "
    "«вход + выход подслоя» (post-norm); вариант LN перед подслоем — это norm_first=True.",
    "h = LN1(x + SA(x)), затем y = LN2(h + FF(h)).",
)


def encoder_layer(x, params, num_heads):
    a = _layer_norm(x, params["norm1.weight"], params["norm1.bias"])
    attention, _ = multi_head_attention(
        a, a, a, params["self_attn.in_proj_weight"], params["self_attn.in_proj_bias"],
        params["self_attn.out_proj.weight"], params["self_attn.out_proj.bias"], num_heads)
    h = x + attention
    b = _layer_norm(h, params["norm2.weight"], params["norm2.bias"])
    hidden = np.maximum(b @ params["linear1.weight"].T + params["linear1.bias"], 0.0)
    return h + hidden @ params["linear2.weight"].T + params["linear2.bias"]
