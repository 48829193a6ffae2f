"""Wrong variant of ex36: LayerNorm statistics taken over the batch axis, as in BatchNorm."""

PART = "layernorm"
TITLE = "статистики по оси батча (как в BatchNorm), а не по признакам примера"
HINTS = (
    "Зависит ли у вас результат для примера от других примеров батча? У LayerNorm не должен.",
    "LayerNorm нормирует каждый пример (каждую позицию ведущих осей) отдельно — по его собственным признакам.",
    "Среднее и дисперсию берите по последним len(normalized_shape) осям, а не по оси 0.",
)


def layernorm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    mean = x.mean(dim=0, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=0, keepdim=True)
    out = (x - mean) / torch.sqrt(var + eps)
    if weight is not None:
        out = out * weight
    if bias is not None:
        out = out + bias
    return out
