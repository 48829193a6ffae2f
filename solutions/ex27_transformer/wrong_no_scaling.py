"""Wrong variant of exercise 27: scores Q K^T without the 1/sqrt(d_k) factor."""

PART = "scaled_dot_product_attention"
TITLE = "скоры не поделены на √d_k"
HINTS = (
    "Сравните ваши веса с эталоном при d_k = 1 и при d_k = 7: где расхождение больше?",
    "Скалярное произведение из d_k независимых слагаемых имеет дисперсию порядка d_k; формула "
    "внимания компенсирует это масштабированием скоров до softmax.",
    "Перед softmax умножьте скоры на 1/√d_k, где d_k — размер последней оси q.",
)


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    row_max = scores.max(axis=-1, keepdims=True)
    exps = np.exp(scores - np.where(np.isfinite(row_max), row_max, 0.0))
    total = exps.sum(axis=-1, keepdims=True)
    weights = np.divide(exps, total, out=np.zeros_like(exps), where=total > 0)
    return weights @ v, weights
