"""Wrong variant of ex40: the last bag ends at L - 1, so its last index is lost."""

PART = "embedding_bag"
TITLE = "последний мешок обрезан: его конец взят как L − 1, а не L"
HINTS = (
    "Сравните только последнюю строку результата: сколько индексов в неё попало?",
    "Мешок b — это ids[offsets[b] : offsets[b + 1]], а последний идёт до конца ids, то есть до len(ids) "
    "(правая граница среза не включается).",
    "Допишите к offsets[1:] число len(ids), а не len(ids) − 1.",
)


def embedding_bag(ids, offsets, weight, mode="mean"):
    if mode not in ("sum", "mean"):
        raise ValueError(f"mode must be 'sum' or 'mean', got {mode!r}")
    bounds = offsets.tolist() + [ids.shape[0] - 1]
    rows = []
    for start, stop in zip(bounds[:-1], bounds[1:], strict=True):
        stop = max(stop, start)
        total = weight[ids[start:stop]].sum(dim=0)
        rows.append(total / max(stop - start, 1) if mode == "mean" else total)
    return torch.stack(rows)
