"""Wrong variant of exercise 7: softmax without subtracting the maximum (overflows)."""

PART = "softmax"
TITLE = "softmax без вычитания максимума"
HINTS = (
    "Посмотрите, что возвращает np.exp(1000.0) и что получается при делении inf на inf.",
    "softmax не меняется, если из всех логитов строки вычесть одно и то же число: "
    "выберите число так, чтобы экспоненты не переполнялись.",
    "Перед np.exp вычтите максимум по последней оси (keepdims=True): тогда все показатели ≤ 0.",
)


def softmax(logits):
    exps = np.exp(logits)
    return exps / exps.sum(axis=-1, keepdims=True)
