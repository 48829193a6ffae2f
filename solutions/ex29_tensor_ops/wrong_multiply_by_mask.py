"""Wrong variant of exercise 29: masking by x * mask, so inf and NaN under the mask leak into the mean."""

PART = "masked_mean"
TITLE = "маскирование умножением x * mask: inf и NaN под маской портят среднее"
HINTS = (
    "Положите в скрытый элемент inf или nan. Меняется ли ваш ответ?",
    "Умножение на ноль не «стирает» значение: 0 * inf и 0 * nan равны nan.",
    "Выбирайте значения, а не умножайте: torch.where(mask, x, 0) или x.masked_fill(~mask, 0).",
)


def masked_mean(x, mask, dim, keepdim=False):
    total = (x * mask).sum(dim=dim, keepdim=keepdim)
    count = mask.sum(dim=dim, keepdim=keepdim).to(x.dtype)
    return total / count.clamp(min=1.0)
