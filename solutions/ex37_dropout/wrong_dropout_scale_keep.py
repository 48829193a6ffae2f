"""Wrong variant of exercise 37: survivors multiplied by (1 - p) instead of divided (classic dropout mixed in)."""

PART = "dropout"
TITLE = "выжившие умножены на (1 − p), а не поделены на (1 − p)"
HINTS = (
    "Чему должно быть равно среднее выхода по маскам? Сравните его со средним входа.",
    "В обратном (inverted) dropout масштаб делают при обучении так, чтобы E[y] = x; на инференсе ничего "
    "не умножают.",
    "Выжившие элементы делятся на вероятность сохранения 1 − p: при p = 0.5 они удваиваются.",
)


def dropout(x, p, training, generator):
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, generator=generator, device=x.device, dtype=x.dtype) >= p
    return x * keep * (1.0 - p)
