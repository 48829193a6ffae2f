"""Wrong variant of exercise 32: mean and std of shape (C,) broadcast over the width axis, not the channels."""

PART = "Normalize"
TITLE = "mean и std формы (C,) вычитаются по последней оси (ширине), а не по каналам"
HINTS = (
    "По какой оси тензора (C, H, W) трансляция (broadcasting) выравнивает вектор формы (C,)?",
    "Трансляция сопоставляет оси с конца: вектор длины C встаёт вдоль ширины W и либо падает "
    "(W ≠ C), либо молча нормирует не те числа (W = C).",
    "Придайте статистикам форму (C, 1, 1): view(-1, 1, 1) или [:, None, None].",
)


class Normalize(Normalize):
    def __call__(self, x):
        mean = torch.tensor(self.mean, dtype=x.dtype, device=x.device)
        std = torch.tensor(self.std, dtype=x.dtype, device=x.device)
        return (x - mean) / std
