"""Wrong variant of exercise 7: softmax shifts by the maximum of the whole array, not of each row."""

PART = "softmax"
TITLE = "вычитается общий максимум массива, а не максимум каждой строки"
HINTS = (
    "Проверьте массив, в котором одна строка — логиты порядка 1000, а другая — порядка −2000.",
    "Общий максимум слишком велик для строки с маленькими логитами: все её экспоненты "
    "обращаются в 0, и получается 0/0.",
    "Берите максимум по последней оси: logits.max(axis=-1, keepdims=True).",
)


def softmax(logits):
    exps = np.exp(logits - logits.max())
    return exps / exps.sum(axis=-1, keepdims=True)
