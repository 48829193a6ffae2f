"""Wrong variant of ex36: InstanceNorm with torch.var's default unbiased variance."""

PART = "instancenorm2d"
TITLE = "несмещённая дисперсия (torch.var по умолчанию делит на H·W − 1)"
HINTS = (
    "Ошибка маленькая и больше на маленьких картах: как torch.var делит сумму квадратов по умолчанию?",
    "torch.var(dim=...) по умолчанию несмещённая (деление на n − 1), а все слои нормализации "
    "нормируют смещённой дисперсией.",
    "Передайте unbiased=False (или correction=0) либо считайте ((x − mean)²).mean().",
)


def instancenorm2d(x, weight=None, bias=None, eps=1e-5):
    mean = x.mean(dim=(2, 3), keepdim=True)
    var = x.var(dim=(2, 3), keepdim=True)
    out = (x - mean) / torch.sqrt(var + eps)
    if weight is not None:
        out = out * weight.reshape(1, -1, 1, 1)
    if bias is not None:
        out = out + bias.reshape(1, -1, 1, 1)
    return out
