"""Wrong variant of exercise 37: Dropout2d with an elementwise mask (plain dropout on a 4-D tensor)."""

PART = "dropout2d"
TITLE = "Dropout2d с поэлементной маской вместо маски каналов"
HINTS = (
    "Посмотрите на одну карту признаков x[n, c] после вашего слоя: часть её пикселей обнулена, часть нет?",
    "Dropout2d выключает канал целиком: соседние пиксели свёрточной карты сильно коррелированы, и "
    "поэлементный dropout их почти не регуляризует.",
    "Тяните маску формы (N, C, 1, 1) и умножайте на неё с broadcasting по H и W.",
)


def dropout2d(x, p, training, generator):
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, generator=generator, device=x.device, dtype=x.dtype) >= p
    return x * keep / (1.0 - p)
