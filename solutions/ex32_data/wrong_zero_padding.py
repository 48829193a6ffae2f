"""Wrong variant of exercise 32: pads with zeros whatever padding_value says."""

PART = "pad_collate"
TITLE = "дополнение всегда нулями: padding_value не используется"
HINTS = (
    "Вызовите свою функцию с padding_value = −1: чем заполнены хвосты коротких последовательностей?",
    "torch.zeros создаёт нули; значение дополнения задаёт аргумент padding_value.",
    "Создайте батч через new_full(..., padding_value) или заполните его fill_(padding_value).",
)


def pad_collate(batch, padding_value=0.0):
    sequences = [s for s, _ in batch]
    first = sequences[0]
    padded = torch.zeros((len(batch), max(len(s) for s in sequences), first.shape[1]), dtype=first.dtype,
                         device=first.device)
    for row, sequence in enumerate(sequences):
        padded[row, :len(sequence)] = sequence
    lengths = torch.tensor([len(s) for s in sequences], device=first.device)
    labels = torch.tensor([int(label) for _, label in batch], device=first.device)
    return padded, lengths, labels
