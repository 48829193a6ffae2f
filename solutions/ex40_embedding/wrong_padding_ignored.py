"""Wrong variant of ex40: padding_idx is accepted but ignored, so the padding row is trained."""

PART = "embedding_lookup"
TITLE = "padding_idx игнорируется: строка дополнения получает градиент"
HINTS = (
    "Посмотрите на weight.grad[padding_idx] после backward: он нулевой?",
    "Строка padding_idx не должна обучаться, иначе «пустые» позиции последовательностей сдвигают её, "
    "и вектор дополнения начинает что-то значить.",
    "Для позиций, где ids == padding_idx, используйте строку, отсоединённую от графа (detach) — значения те же, "
    "градиента нет.",
)


def embedding_lookup(ids, weight, padding_idx=None):
    return weight[ids]
