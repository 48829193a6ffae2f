"""Wrong variant of exercise 32: the lengths are read after padding, so every one equals T_max."""

PART = "pad_collate"
TITLE = "длины взяты у уже дополненного батча: все равны T_max"
HINTS = (
    "Посмотрите на ваш lengths: различаются ли в нём числа, если последовательности разной длины?",
    "После дополнения все строки padded имеют длину T_max; истинные длины известны только до него.",
    "Запомните T_b каждой последовательности из batch до того, как дополнять.",
)


_reference_pad_collate = pad_collate


def pad_collate(batch, padding_value=0.0):
    padded, _, labels = _reference_pad_collate(batch, padding_value)
    lengths = torch.full((padded.shape[0],), padded.shape[1], dtype=torch.int64, device=padded.device)
    return padded, lengths, labels
