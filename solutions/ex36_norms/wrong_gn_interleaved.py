"""Wrong variant of ex36: GroupNorm groups interleaved channels (c mod G) instead of consecutive ones."""

PART = "groupnorm"
TITLE = "группы из каналов через один (c mod G), а не из соседних каналов"
HINTS = (
    "Какие каналы попали в группу 0 при C = 6, num_groups = 3? В PyTorch это каналы 0 и 1.",
    "reshape(N, C // G, G, ...) раскладывает каналы по группам по модулю; группы PyTorch — соседние каналы.",
    "Сделайте reshape(N, G, C // G · H · W): первая новая ось — номер группы.",
)


def groupnorm(x, num_groups, weight=None, bias=None, eps=1e-5):
    n, c, h, w = x.shape
    if c % num_groups != 0:
        raise ValueError("num_groups must divide C")
    groups = x.reshape(n, c // num_groups, num_groups, h * w).transpose(1, 2).reshape(n, num_groups, -1)
    mean = groups.mean(dim=2, keepdim=True)
    var = groups.var(dim=2, unbiased=False, keepdim=True)
    normed = ((groups - mean) / torch.sqrt(var + eps)).reshape(n, num_groups, c // num_groups, h * w)
    out = normed.transpose(1, 2).reshape(n, c, h, w)
    if weight is not None:
        out = out * weight.reshape(1, -1, 1, 1)
    if bias is not None:
        out = out + bias.reshape(1, -1, 1, 1)
    return out
