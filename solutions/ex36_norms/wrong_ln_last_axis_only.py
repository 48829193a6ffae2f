"""Wrong variant of ex36: LayerNorm always normalises over the last axis, ignoring normalized_shape."""

PART = "layernorm"
TITLE = "нормировка только по последней оси, а не по всем осям normalized_shape"
HINTS = (
    "Для normalized_shape = (D,) всё верно, а для (C, H, W)? По скольким числам считается среднее?",
    "LayerNorm берёт среднее и дисперсию по всем len(normalized_shape) последним осям вместе.",
    "Передайте в mean кортеж последних len(normalized_shape) осей (или сплющите их в одну).",
)


def layernorm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    mean = x.mean(dim=-1, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=-1, keepdim=True)
    out = (x - mean) / torch.sqrt(var + eps)
    if weight is not None:
        out = out * weight
    if bias is not None:
        out = out + bias
    return out
