"""Wrong variant of exercise 28: special tokens ([CLS], [SEP], [PAD]) can be chosen for masking."""

PART = "mlm_mask"
TITLE = "специальные токены ([CLS], [SEP], [PAD]) тоже выбираются для маскирования"
HINTS = (
    "Посмотрите, что стало с позициями, где special_mask равна True.",
    "[CLS], [SEP] и паддинг есть в каждом примере и предсказывать их бессмысленно; "
    "их нельзя ни заменять, ни включать в метки.",
    "Выбирайте только позиции с ~special_mask: chosen = (случайное < 0.15) & ~special_mask.",
)


def mlm_mask(token_ids, special_mask, vocab_size, rng, mask_id):
    chosen = rng.random(token_ids.shape) < 0.15
    labels = np.where(chosen, token_ids, -100)
    to_mask = chosen & (rng.random(token_ids.shape) < 0.8)
    to_random = chosen & ~to_mask & (rng.random(token_ids.shape) < 0.5)
    inputs = np.where(to_mask, mask_id, token_ids)
    inputs = np.where(to_random, rng.integers(0, vocab_size, size=token_ids.shape), inputs)
    return inputs.astype(np.int64), labels.astype(np.int64)
