"""Wrong variant of exercise 7: cross-entropy as log(softmax(...)), which underflows to log(0)."""

PART = "cross_entropy"
TITLE = "log от softmax: при большой разнице логитов вероятность обращается в 0, а log(0) = −inf"
HINTS = (
    "Что даст ваша функция для логитов [[10000, 0]] и правильного класса 1?",
    "Вероятность exp(−10000) не представима в float64 и становится 0; возьмите логарифм "
    "аналитически, не вычисляя саму вероятность.",
    "log softmax(z)_y = z_y − max(z) − log Σ exp(z − max(z)) (log-sum-exp).",
)


def cross_entropy(logits, targets):
    probs = softmax(logits)
    return float(-np.log(probs[np.arange(len(targets)), targets]).mean())
