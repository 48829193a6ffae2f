"""Wrong variant of exercise 32: the padded batch is time-major (T_max, B, F), the default of pad_sequence."""

PART = "pad_collate"
TITLE = "батч в формате (T_max, B, F) вместо (B, T_max, F)"
HINTS = (
    "Сравните форму вашего padded с формой (B, T_max, F) из условия.",
    "pad_sequence по умолчанию (batch_first=False) кладёт время в первую ось; "
    "в этом упражнении первая ось — примеры батча.",
    "Строка padded[b] должна быть b-й последовательностью, дополненной до T_max.",
)


def pad_collate(batch, padding_value=0.0):
    sequences = [s for s, _ in batch]
    t_max, features = max(len(s) for s in sequences), sequences[0].shape[1]
    padded = sequences[0].new_full((t_max, len(batch), features), padding_value)
    for column, sequence in enumerate(sequences):
        padded[:len(sequence), column] = sequence
    lengths = torch.tensor([len(s) for s in sequences], device=sequences[0].device)
    labels = torch.tensor([int(label) for _, label in batch], device=sequences[0].device)
    return padded, lengths, labels
