"""Wrong variant of exercise 37: p read as the keep probability."""

PART = "dropout"
TITLE = "p понято как вероятность сохранить элемент, а не выбросить"
HINTS = (
    "Сколько нулей должно получиться при p = 0.2 — около 20 % или около 80 %?",
    "В nn.Dropout(p) p — вероятность обнулить элемент; сохраняется он с вероятностью 1 − p.",
    "Элемент остаётся, если равномерное число из [0, 1) не меньше p (вероятность этого 1 − p).",
)


def dropout(x, p, training, generator):
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape, generator=generator, device=x.device, dtype=x.dtype) < p
    return x * keep / (1.0 - p)
