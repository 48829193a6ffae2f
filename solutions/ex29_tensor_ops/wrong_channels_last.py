"""Wrong variant of exercise 29: features ordered (row, column, channel) instead of (channel, row, column)."""

PART = "image_to_patches"
TITLE = "признаки патча в порядке (строка, столбец, канал), а не (канал, строка, столбец)"
HINTS = (
    "При C = 1 ваш ответ, скорее всего, верен. Что меняется, когда каналов несколько?",
    "F.unfold кладёт признаки так, что быстрее всего меняется столбец внутри патча, потом строка, "
    "а медленнее всего — канал: сначала все p·p чисел канала 0, потом канала 1.",
    "В перестановке осей ось канала должна стоять перед двумя осями «внутри патча».",
)


def image_to_patches(x, p):
    B, C, H, W = x.shape
    blocks = x.reshape(B, C, H // p, p, W // p, p).permute(0, 2, 4, 3, 5, 1)
    return blocks.reshape(B, (H // p) * (W // p), C * p * p)
