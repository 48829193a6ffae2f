"""Wrong variant of ex40: every looked-up row is scaled to norm max_norm, short rows are stretched."""

PART = "renorm_rows_"
TITLE = "все выбранные строки приводятся к норме max_norm, в том числе короткие (растягиваются)"
HINTS = (
    "Что у вас происходит со строкой, норма которой уже меньше max_norm?",
    "max_norm — верхняя граница: строки с нормой ≤ max_norm не меняются, уменьшаются только длинные.",
    "Умножайте на max_norm / (norm + 1e-7) только строки с norm > max_norm.",
)


def renorm_rows_(weight, ids, max_norm, norm_type=2.0):
    with torch.no_grad():
        rows = torch.unique(ids)
        norms = weight[rows].norm(p=norm_type, dim=1)
        weight[rows] *= (max_norm / (norms + 1e-7)).unsqueeze(1)
