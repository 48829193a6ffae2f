"""Wrong variant of exercise 17: the last window position is lost (H - kH instead of H - kH + 1)."""

PART = "cross_correlate2d"
TITLE = "потеряна последняя позиция окна: выход (H − kH) × (W − kW)"
HINTS = (
    "Сколько позиций у окна 3×3 на картинке 3×3? А у окна 1×1?",
    "Окно размера k помещается в картинку длины H в H − k + 1 положениях: начала 0, 1, …, H − k.",
    "Размер выхода (H − kH + 1, W − kW + 1); проверьте границы ваших range.",
)


def cross_correlate2d(image, kernel):
    k_h, k_w = kernel.shape
    rows, cols = image.shape[0] - k_h, image.shape[1] - k_w
    out = np.zeros((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = np.sum(image[i:i + k_h, j:j + k_w] * kernel)
    return out
