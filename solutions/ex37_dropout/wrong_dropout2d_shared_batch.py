"""Wrong variant of exercise 37: Dropout2d drops the same channels in every example (mask (1, C, 1, 1))."""

PART = "dropout2d"
TITLE = "Dropout2d выбрасывает одни и те же каналы у всех примеров батча (маска (1, C, 1, 1))"
HINTS = (
    "Сравните, какие каналы выброшены у примера 0 и у примера 1: должны ли они совпадать?",
    "Решение «выбросить канал» принимается независимо для каждой пары (пример n, канал c).",
    "Маска должна иметь форму (N, C, 1, 1).",
)


def dropout2d(x, p, training, generator):
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return torch.zeros_like(x)
    keep = torch.rand((1, x.shape[1], 1, 1), generator=generator, device=x.device, dtype=x.dtype) >= p
    return x * keep / (1.0 - p)
