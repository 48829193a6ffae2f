"""Wrong variant of exercise 19: np.pad with a scalar width pads the channel axis too."""

PART = "random_crop"
TITLE = "np.pad(image, padding) дополняет и ось каналов"
HINTS = (
    "Сравните число каналов вашего результата с числом каналов входа.",
    "Если передать np.pad одно число, дополняются ВСЕ оси массива, включая ось каналов C.",
    "Задайте ширину дополнения по каждой оси отдельно: для оси каналов (0, 0), для H и W — (padding, padding).",
)


def random_crop(image, size, padding, rng):
    h, w = size
    padded = np.pad(image, padding)
    top = rng.integers(0, image.shape[1] + 2 * padding - h + 1)
    left = rng.integers(0, image.shape[2] + 2 * padding - w + 1)
    return padded[:, top:top + h, left:left + w].copy()
