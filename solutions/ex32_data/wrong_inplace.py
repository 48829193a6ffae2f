"""Wrong variant of exercise 32: Normalize works in place and spoils the input tensor."""

PART = "Normalize"
TITLE = "нормализация на месте (x.sub_ / x.div_): портится исходный тензор"
HINTS = (
    "Сохраните копию x, примените преобразование и сравните x с копией.",
    "Операции с подчёркиванием (sub_, div_) меняют сам тензор; если это тензор из датасета, "
    "каждый следующий проход по данным нормирует уже нормированное.",
    "Вычисляйте (x - mean) / std: так создаётся новый тензор, а x остаётся прежним.",
)


class Normalize(Normalize):
    def __call__(self, x):
        mean = torch.tensor(self.mean, dtype=x.dtype, device=x.device).view(-1, 1, 1)
        std = torch.tensor(self.std, dtype=x.dtype, device=x.device).view(-1, 1, 1)
        return x.sub_(mean).div_(std)
