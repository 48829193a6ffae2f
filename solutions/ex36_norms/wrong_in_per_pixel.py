"""Wrong variant of ex36: InstanceNorm as "each pixel is an example": statistics over channels per pixel."""

PART = "instancenorm2d"
TITLE = "каждый пиксель как отдельный пример: нормировка по каналам в каждой точке (n, h, w)"
HINTS = (
    "Посчитайте среднее одной карты out[n, c] по H×W: выходит ли 0?",
    "InstanceNorm нормирует каждую пару (пример, канал) по её H·W пикселям; каналы между собой не смешиваются.",
    "Среднее и дисперсию берите по осям (2, 3), а не по оси каналов 1.",
)


def instancenorm2d(x, weight=None, bias=None, eps=1e-5):
    mean = x.mean(dim=1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=1, keepdim=True)
    out = (x - mean) / torch.sqrt(var + eps)
    if weight is not None:
        out = out * weight.reshape(1, -1, 1, 1)
    if bias is not None:
        out = out + bias.reshape(1, -1, 1, 1)
    return out
