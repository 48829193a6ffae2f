"""Wrong variant of exercise 26: Luong scores divided by sqrt(d), as in the Transformer."""

PART = "luong_attention"
TITLE = "скоры Люонга поделены на √d (масштабирование из трансформера)"
HINTS = (
    "Сравните ваши веса с ответом при d = 1 и при d = 16: где расхождение больше?",
    "Деление на √d_k появилось в scaled dot-product attention трансформера (тема 27); в скорах "
    "Люонга dot и general масштаба нет.",
    "Скор dot — просто q · k_j, скор general — (q W) · k_j, без деления.",
)


def luong_attention(query, keys, values, W=None, mask=None):
    transformed = query if W is None else query @ W
    scores = np.einsum("bd,btd->bt", transformed, keys) / np.sqrt(keys.shape[-1])
    weights = _masked_softmax(scores, mask)
    return np.einsum("bt,btd->bd", weights, values), weights
