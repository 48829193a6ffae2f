"""Wrong variant of exercise 17: the flattened image forgets its channels (h * w inputs)."""

PART = "dense_params"
TITLE = "при развёртке изображения забыты каналы: входов h·w, а не h·w·c_in"
HINTS = (
    "Сколько чисел в цветной картинке 2×2? Подсчитайте все значения тензора (C, H, W).",
    "Развёрнутый вектор содержит каждое значение каждого канала: его длина h·w·c_in.",
    "Число весов равно (h·w·c_in)·units, плюс units смещений.",
)


def dense_params(h, w, c_in, units):
    return h * w * units + units
