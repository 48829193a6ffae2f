"""Wrong variant of ex40: embedding_bag defaults to mode='sum' (nn.EmbeddingBag's default is 'mean')."""

PART = "embedding_bag"
TITLE = "режим по умолчанию — сумма, а у nn.EmbeddingBag по умолчанию mode='mean'"
HINTS = (
    "С mode='sum' всё верно. А что происходит, когда mode не передан?",
    "Значение по умолчанию у nn.EmbeddingBag и F.embedding_bag — mode='mean'.",
    "Сделайте mode='mean' значением по умолчанию в сигнатуре.",
)


def embedding_bag(ids, offsets, weight, mode="sum"):
    if mode not in ("sum", "mean"):
        raise ValueError(f"mode must be 'sum' or 'mean', got {mode!r}")
    length, bags = ids.shape[0], offsets.shape[0]
    ends = torch.cat([offsets[1:], torch.tensor([length], dtype=offsets.dtype, device=offsets.device)])
    sizes = ends - offsets
    bag_of = torch.repeat_interleave(torch.arange(bags, device=ids.device), sizes)
    out = torch.zeros(bags, weight.shape[1], dtype=weight.dtype, device=weight.device).index_add(0, bag_of, weight[ids])
    if mode == "mean":
        out = out / sizes.clamp(min=1).unsqueeze(1).to(weight.dtype)
    return out
