"""Wrong variant of exercise 7: cross-entropy summed over the batch instead of averaged."""

PART = "cross_entropy"
TITLE = "потеря суммируется по батчу, а не усредняется"
HINTS = (
    "Сравните ответ для батча из одного примера и из двух одинаковых примеров.",
    "F.cross_entropy по умолчанию использует reduction='mean': потеря батча — среднее потерь примеров.",
    "Разделите сумму по примерам на размер батча B.",
)


def cross_entropy(logits, targets):
    log_probs = _log_softmax(logits)
    return float(-log_probs[np.arange(len(targets)), targets].sum())
