"""Wrong variant of exercise 27: a softmax over a row of -inf only, which gives NaN."""

PART = "scaled_dot_product_attention"
TITLE = "строка, где запрещены все ключи, превращается в NaN"
HINTS = (
    "Что дают max и exp для строки, в которой все скоры равны −∞?",
    "Максимум такой строки равен −∞, разность −∞ − (−∞) — NaN, и NaN расходится по всему выходу. "
    "F.scaled_dot_product_attention для такой строки возвращает нули.",
    "Для строк без единого разрешённого ключа сдвигайте на 0 вместо −∞ и делите только там, "
    "где сумма экспонент больше нуля, оставляя нули в остальных строках.",
)


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    with np.errstate(invalid="ignore"):
        exps = np.exp(scores - scores.max(axis=-1, keepdims=True))
        weights = exps / exps.sum(axis=-1, keepdims=True)
    return weights @ v, weights
