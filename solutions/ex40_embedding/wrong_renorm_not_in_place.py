"""Wrong variant of ex40: the renormalised matrix is built as a new tensor; weight itself is unchanged."""

PART = "renorm_rows_"
TITLE = "создаётся новый тензор вместо изменения weight на месте"
HINTS = (
    "После вызова вашей функции посмотрите на сам тензор weight: изменился ли он?",
    "Присваивание weight = weight * scale внутри функции связывает имя с новым тензором; тензор "
    "вызывающего кода остаётся прежним. nn.Embedding меняет свою матрицу на месте.",
    "Используйте операции на месте под torch.no_grad(): weight[rows] *= ... или weight.mul_(...).",
)


def renorm_rows_(weight, ids, max_norm, norm_type=2.0):
    with torch.no_grad():
        rows = torch.unique(ids)
        norms = weight[rows].norm(p=norm_type, dim=1)
        scale = torch.ones(weight.shape[0], dtype=weight.dtype, device=weight.device)
        scale[rows] = torch.where(norms > max_norm, max_norm / (norms + 1e-7), torch.ones_like(norms))
        weight = weight * scale.unsqueeze(1)
    return None
