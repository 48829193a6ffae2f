"""Wrong variant of ex40: max_norm renormalises every row of the matrix, not only the looked-up ones."""

PART = "renorm_rows_"
TITLE = "перенормируются все строки матрицы, а не только те, к которым обращались"
HINTS = (
    "Изменились ли у вас строки, которых нет в ids?",
    "nn.Embedding(max_norm=...) перенормирует лениво: только строки, выбранные при текущем поиске; "
    "остальные остаются длинными, пока к ним не обратятся.",
    "Возьмите уникальные индексы из ids и работайте только с этими строками.",
)


def renorm_rows_(weight, ids, max_norm, norm_type=2.0):
    with torch.no_grad():
        norms = weight.norm(p=norm_type, dim=1, keepdim=True)
        scale = torch.where(norms > max_norm, max_norm / (norms + 1e-7), torch.ones_like(norms))
        weight.mul_(scale)
