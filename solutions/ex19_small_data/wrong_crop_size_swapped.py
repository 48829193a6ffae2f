"""Wrong variant of exercise 19: size is read as (width, height)."""

PART = "random_crop"
TITLE = "size прочитан как (ширина, высота) вместо (высота, ширина)"
HINTS = (
    "Попробуйте неквадратный size, например (3, 2): какой формы получился результат?",
    "В PyTorch и torchvision размер изображения записывают как (h, w): сначала высота, затем ширина.",
    "Первый элемент size ограничивает ось H (предпоследнюю), второй — ось W (последнюю).",
)


def random_crop(image, size, padding, rng):
    w, h = size
    padded = np.pad(image, ((0, 0), (padding, padding), (padding, padding)))
    top = rng.integers(0, padded.shape[1] - h + 1)
    left = rng.integers(0, padded.shape[2] - w + 1)
    return padded[:, top:top + h, left:left + w].copy()
