"""Wrong variant of exercise 18: the layer's own stride is multiplied into the jump before the field grows."""

PART = "receptive_field"
TITLE = "jump обновлён раньше, чем поле: используется шаг текущего слоя"
HINTS = (
    "Одна свёртка 3×3 с шагом 2 на входе: какое у её выхода рецептивное поле? Зависит ли оно от шага?",
    "Шаг слоя раздвигает его СОБСТВЕННЫЕ выходы, но окно одного выхода по-прежнему покрывает k_eff соседних входов.",
    "Сначала r ← r + (k_eff − 1)·jump, и только потом jump ← jump·s.",
)


def receptive_field(layers):
    size, jump = 1, 1
    for spec in layers:
        k = spec["kernel_size"]
        jump *= spec.get("stride", 1 if spec["type"] == "conv" else k)
        size += (spec.get("dilation", 1) * (k - 1)) * jump
    return size, jump
