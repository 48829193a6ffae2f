"""Wrong variant of ex36: GroupNorm statistics over the group's channels only, pixel by pixel."""

PART = "groupnorm"
TITLE = "статистики группы только по её каналам в каждом пикселе, без осей H и W"
HINTS = (
    "Сколько чисел входит в одну статистику группы? Должно быть (C/G)·H·W.",
    "Группа — это блок соседних каналов вместе со всеми их пикселями; при num_groups = 1 выходит LayerNorm "
    "по (C, H, W).",
    "Сплющите каналы группы и пространственные оси в одну: reshape(N, G, −1).",
)


def groupnorm(x, num_groups, weight=None, bias=None, eps=1e-5):
    n, c, h, w = x.shape
    if c % num_groups != 0:
        raise ValueError("num_groups must divide C")
    groups = x.reshape(n, num_groups, c // num_groups, h, w)
    mean = groups.mean(dim=2, keepdim=True)
    var = groups.var(dim=2, unbiased=False, keepdim=True)
    out = ((groups - mean) / torch.sqrt(var + eps)).reshape(n, c, h, w)
    if weight is not None:
        out = out * weight.reshape(1, -1, 1, 1)
    if bias is not None:
        out = out + bias.reshape(1, -1, 1, 1)
    return out
