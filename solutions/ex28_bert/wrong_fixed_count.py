"""Wrong variant of exercise 28: exactly round(15%) positions per sequence instead of a Bernoulli draw per token."""

PART = "mlm_mask"
TITLE = "в каждой последовательности выбрано ровно round(0.15·n) позиций, а не по Бернулли на токен"
HINTS = (
    "Возьмите последовательности из четырёх обычных токенов: как часто в них не выбрано ни одного?",
    "В этом упражнении (как в DataCollatorForLanguageModeling) каждый токен выбирается независимо "
    "с вероятностью 0.15, поэтому число выбранных в строке случайно: от 0 до n.",
    "Вместо выбора фиксированного числа позиций сравните rng.random(shape) с 0.15 поэлементно и "
    "исключите специальные токены.",
)


def mlm_mask(token_ids, special_mask, vocab_size, rng, mask_id):
    chosen = np.zeros(token_ids.shape, dtype=bool)
    for row in range(token_ids.shape[0]):
        candidates = np.flatnonzero(~special_mask[row])
        if len(candidates):
            count = max(1, int(round(0.15 * len(candidates))))
            chosen[row, rng.choice(candidates, size=count, replace=False)] = True
    labels = np.where(chosen, token_ids, -100)
    to_mask = chosen & (rng.random(token_ids.shape) < 0.8)
    to_random = chosen & ~to_mask & (rng.random(token_ids.shape) < 0.5)
    inputs = np.where(to_mask, mask_id, token_ids)
    inputs = np.where(to_random, rng.integers(0, vocab_size, size=token_ids.shape), inputs)
    return inputs.astype(np.int64), labels.astype(np.int64)
