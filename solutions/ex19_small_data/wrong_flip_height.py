"""Wrong variant of exercise 19: the flip reverses the height axis (HWC habit), not the width."""

PART = "random_hflip"
TITLE = "отражение по оси высоты H вместо ширины W (привычка к формату HWC)"
HINTS = (
    "В каком порядке идут оси изображения в этом упражнении? Какая из них — ширина?",
    "Массив имеет форму (C, H, W), как в PyTorch: горизонтальное отражение переставляет столбцы, "
    "то есть разворачивает последнюю ось, а строки остаются на месте.",
    "Отражение «слева направо» меняет местами j и W−1−j при неизменных c и i.",
)


def random_hflip(image, p, rng):
    if rng.random() < p:
        return image[:, ::-1, :].copy()
    return image.copy()
