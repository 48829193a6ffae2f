"""Wrong variant of exercise 26: the mask read as True = padding (the nn.MultiheadAttention convention)."""

PART = "luong_attention"
TITLE = "маска прочитана наоборот (True = паддинг, как key_padding_mask в nn.MultiheadAttention)"
HINTS = (
    "Посмотрите, какие позиции получают нулевой вес: настоящие токены или паддинг?",
    "В этом упражнении True в mask означает «позицию можно использовать» (как bool-маска "
    "F.scaled_dot_product_attention); у key_padding_mask в nn.MultiheadAttention смысл обратный.",
    "Исключайте из softmax позиции, где mask равна False.",
)


def luong_attention(query, keys, values, W=None, mask=None):
    transformed = query if W is None else query @ W
    scores = np.einsum("bd,btd->bt", transformed, keys)
    weights = _masked_softmax(scores, None if mask is None else ~mask)
    return np.einsum("bt,btd->bd", weights, values), weights
