"""Wrong variant of ex40: padding positions output a zero vector instead of the padding row."""

PART = "embedding_lookup"
TITLE = "в позициях padding_idx выдаётся нулевой вектор вместо строки weight[padding_idx]"
HINTS = (
    "Что вернёт nn.Embedding для padding_idx, если строку weight[padding_idx] заранее заполнить единицами?",
    "padding_idx не обнуляет выход: он лишь не пропускает градиент в эту строку; нули на выходе бывают "
    "только потому, что свежий nn.Embedding инициализирует эту строку нулями.",
    "Верните weight[ids] как есть, а для позиций padding_idx отрежьте путь градиента (detach), "
    "не меняя значений.",
)


def embedding_lookup(ids, weight, padding_idx=None):
    out = weight[ids]
    if padding_idx is None:
        return out
    pad = padding_idx % weight.shape[0]
    return out * (ids != pad).unsqueeze(-1).to(weight.dtype)
