"""Wrong variant of exercise 37: one mask of the feature shape shared by every example of the batch."""

PART = "dropout"
TITLE = "одна маска на все примеры батча (маска формы x.shape[1:])"
HINTS = (
    "Сравните маски двух разных строк батча: должны ли они совпадать?",
    "Dropout тянет независимое число Бернулли для каждого элемента тензора, включая ось батча.",
    "Маска должна иметь форму x.shape, а не x.shape[1:].",
)


def dropout(x, p, training, generator):
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return torch.zeros_like(x)
    keep = torch.rand(x.shape[1:], generator=generator, device=x.device, dtype=x.dtype) >= p
    return x * keep / (1.0 - p)
