"""Wrong variant of exercise 19: p is taken as the probability of keeping the image (flips with 1 - p)."""

PART = "random_hflip"
TITLE = "p понято как вероятность оставить изображение: отражение происходит с вероятностью 1 − p"
HINTS = (
    "Что возвращает ваша функция при p = 1? А RandomHorizontalFlip(p=1)?",
    "rng.random() равномерно на [0, 1): событие «rng.random() > p» имеет вероятность 1 − p, а не p.",
    "Отражайте, когда выпавшее число меньше p: тогда при p = 1 отражение будет всегда, при p = 0 — никогда.",
)


def random_hflip(image, p, rng):
    if rng.random() > p:
        return image[:, :, ::-1].copy()
    return image.copy()
