"""Wrong variant of exercise 17: a true (mathematical) convolution, with the kernel flipped."""

PART = "cross_correlate2d"
TITLE = "ядро перевёрнуто: вычислена математическая свёртка, а не взаимная корреляция"
HINTS = (
    "Сравните ваш ответ с F.conv2d на несимметричном ядре, например [[0, 1], [0, 0]]: "
    "какой пиксель окна оно должно выбрать?",
    "В глубоком обучении «свёртка» — это взаимная корреляция: ядро накладывается на окно как есть, без отражения.",
    "Умножайте image[i + p, j + q] на kernel[p, q], а не на kernel[kH - 1 - p, kW - 1 - q].",
)


def cross_correlate2d(image, kernel):
    flipped = kernel[::-1, ::-1]
    k_h, k_w = kernel.shape
    rows, cols = image.shape[0] - k_h + 1, image.shape[1] - k_w + 1
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = np.sum(image[i:i + k_h, j:j + k_w] * flipped)
    return out
