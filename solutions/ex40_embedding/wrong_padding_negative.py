"""Wrong variant of ex40: a negative padding_idx is compared with the indices as it is."""

PART = "embedding_lookup"
TITLE = "отрицательный padding_idx не приведён к номеру строки (ids == −1 никогда не выполняется)"
HINTS = (
    "Проверьте padding_idx = −1: какие позиции ids ему равны?",
    "nn.Embedding принимает padding_idx от −V до V − 1 и отрицательный считает с конца: −1 — последняя строка.",
    "Перед сравнением с ids приведите padding_idx к диапазону [0, V): padding_idx % V.",
)


def embedding_lookup(ids, weight, padding_idx=None):
    out = weight[ids]
    if padding_idx is None:
        return out
    mask = (ids == padding_idx).unsqueeze(-1)
    return torch.where(mask, out.detach(), out)
