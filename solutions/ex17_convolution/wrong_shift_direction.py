"""Wrong variant of exercise 17: the shift goes the other way (out[i, j] = image[i + dy, j + dx])."""

PART = "shift"
TITLE = "сдвиг в обратную сторону: out[i, j] = image[i + dy, j + dx]"
HINTS = (
    "При dy = 1 содержимое должно опуститься на строку вниз: где окажется пиксель image[0, 0]?",
    "Если пиксель переезжает из (i, j) в (i + dy, j + dx), то out[i, j] берётся из image[i − dy, j − dx].",
    "Проверьте знаки в индексах источника: вычитайте сдвиг, а не прибавляйте.",
)


def shift(image, dy, dx):
    h, w = image.shape
    out = np.zeros((h, w))
    for i in range(h):
        for j in range(w):
            if 0 <= i + dy < h and 0 <= j + dx < w:
                out[i, j] = image[i + dy, j + dx]
    return out
