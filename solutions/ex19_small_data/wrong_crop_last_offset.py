"""Wrong variant of exercise 19: rng.integers(0, n) excludes the last position of the window."""

PART = "random_crop"
TITLE = "последнее положение окна недостижимо: rng.integers(0, H + 2p − h) без + 1"
HINTS = (
    "Сколько существует положений окна высоты h в массиве высоты H + 2p? Все ли они у вас выпадают?",
    "Верхняя граница rng.integers(low, high) не включается: rng.integers(0, 3) даёт только 0, 1 и 2.",
    "Положений ровно H + 2p − h + 1 (а не H + 2p − h); при h = H + 2p единственное положение — 0.",
)


def random_crop(image, size, padding, rng):
    h, w = size
    padded = np.pad(image, ((0, 0), (padding, padding), (padding, padding)))
    top = rng.integers(0, padded.shape[1] - h)
    left = rng.integers(0, padded.shape[2] - w)
    return padded[:, top:top + h, left:left + w].copy()
