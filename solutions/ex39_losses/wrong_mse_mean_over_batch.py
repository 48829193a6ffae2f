"""Wrong variant of ex39: 'mean' MSE sums over the features and averages over the batch only."""

PART = "mse_loss"
TITLE = "reduction='mean' делит на размер батча, а не на число элементов"
HINTS = (
    "Совпадают 'none' и 'sum'? Тогда проверьте 'mean' на входе формы (3, 4): на что вы делите сумму?",
    "F.mse_loss с reduction='mean' усредняет по ВСЕМ элементам тензора, а не только по первой оси.",
    "Делите сумму квадратов на input.numel() (или просто возьмите .mean() от всех элементов).",
)


def mse_loss(input, target, reduction="mean"):
    squared = (input - target) ** 2
    if reduction == "mean":
        return squared.sum() / squared.shape[0]
    return _reduce(squared, reduction)
