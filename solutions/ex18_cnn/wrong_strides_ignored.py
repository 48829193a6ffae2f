"""Wrong variant of exercise 18: the field grows by k_eff - 1 per layer, whatever the strides below."""

PART = "receptive_field"
TITLE = "рост поля не умножается на jump: слои после шага или пулинга считаются как с шагом 1"
HINTS = (
    "Сравните два стека: conv 3×3 → conv 3×3 и conv 3×3 → pool 2 → conv 3×3. Одинаковые ли у них поля?",
    "После пулинга с шагом 2 соседние элементы карты отстоят на входе на 2 пикселя: каждый лишний элемент окна "
    "следующего слоя добавляет к полю уже jump пикселей.",
    "r ← r + (k_eff − 1)·jump, где jump — произведение шагов ПРЕДЫДУЩИХ слоёв; затем jump ← jump·s.",
)


def receptive_field(layers):
    size, jump = 1, 1
    for spec in layers:
        k = spec["kernel_size"]
        stride = spec.get("stride", 1 if spec["type"] == "conv" else k)
        size += spec.get("dilation", 1) * (k - 1)
        jump *= stride
    return size, jump
