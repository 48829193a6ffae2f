"""Wrong variant of exercise 29: patches numbered column by column."""

PART = "image_to_patches"
TITLE = "патчи пронумерованы по столбцам, а не по строкам"
HINTS = (
    "Содержимое каждого патча верное, но порядок патчей другой. Где должен оказаться патч из "
    "первой строки патчей и второго столбца?",
    "Номер патча n = i·(W/p) + j: индекс столбца патчей j меняется быстрее, чем индекс строки i.",
    "После разбиения осей ось номера строки патчей (H/p) должна идти раньше оси номера столбца (W/p).",
)


def image_to_patches(x, p):
    B, C, H, W = x.shape
    blocks = x.reshape(B, C, H // p, p, W // p, p).permute(0, 4, 2, 1, 3, 5)
    return blocks.reshape(B, (H // p) * (W // p), C * p * p)
