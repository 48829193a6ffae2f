"""Wrong variant of exercise 7: softmax normalised over the first axis instead of the last."""

PART = "softmax"
TITLE = "нормировка не по той оси (по первой вместо последней)"
HINTS = (
    "Сложите ваш результат вдоль последней оси: получаются ли единицы?",
    "Для батча логитов формы (B, C) вероятности должны суммироваться в 1 по классам, "
    "то есть по последней оси, а не по примерам батча.",
    "Используйте axis=-1 и keepdims=True и в max, и в sum.",
)


def softmax(logits):
    exps = np.exp(logits - logits.max(axis=0, keepdims=True))
    return exps / exps.sum(axis=0, keepdims=True)
