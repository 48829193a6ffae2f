"""Wrong variant of ex40: mean of an empty bag computed as 0 / 0 = NaN."""

PART = "embedding_bag"
TITLE = "пустой мешок в режиме mean: деление 0/0 даёт NaN вместо нулей"
HINTS = (
    "Что получится у вас для мешка без индексов в режиме 'mean'?",
    "nn.EmbeddingBag возвращает для пустого мешка нулевой вектор и в режиме 'sum', и в режиме 'mean'.",
    "Делите сумму на max(размер мешка, 1): для пустого мешка сумма и так 0.",
)


def embedding_bag(ids, offsets, weight, mode="mean"):
    if mode not in ("sum", "mean"):
        raise ValueError(f"mode must be 'sum' or 'mean', got {mode!r}")
    length, bags = ids.shape[0], offsets.shape[0]
    ends = torch.cat([offsets[1:], torch.tensor([length], dtype=offsets.dtype, device=offsets.device)])
    sizes = ends - offsets
    bag_of = torch.repeat_interleave(torch.arange(bags, device=ids.device), sizes)
    out = torch.zeros(bags, weight.shape[1], dtype=weight.dtype, device=weight.device).index_add(0, bag_of, weight[ids])
    if mode == "mean":
        out = out / sizes.unsqueeze(1).to(weight.dtype)
    return out
