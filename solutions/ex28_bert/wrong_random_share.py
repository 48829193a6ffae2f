"""Wrong variant of exercise 28: after the 80% [MASK] draw, a random token with probability 0.1 instead of 0.5."""

PART = "mlm_mask"
TITLE = "случайный токен выбирается с вероятностью 0.1 среди оставшихся 20% (получается 2%, а не 10%)"
HINTS = (
    "Какая доля выбранных позиций у вас получает случайный токен? Должно быть около 10%.",
    "Вероятность 0.1 в правиле 80/10/10 — доля от всех выбранных; после того как 80% ушли в [MASK], "
    "среди оставшихся 20% это уже условная вероятность.",
    "Среди выбранных и не заменённых на [MASK] позиций случайный токен ставится с вероятностью 0.1 / 0.2 = 0.5.",
)


def mlm_mask(token_ids, special_mask, vocab_size, rng, mask_id):
    chosen = (rng.random(token_ids.shape) < 0.15) & ~special_mask
    labels = np.where(chosen, token_ids, -100)
    to_mask = chosen & (rng.random(token_ids.shape) < 0.8)
    to_random = chosen & ~to_mask & (rng.random(token_ids.shape) < 0.1)
    inputs = np.where(to_mask, mask_id, token_ids)
    inputs = np.where(to_random, rng.integers(0, vocab_size, size=token_ids.shape), inputs)
    return inputs.astype(np.int64), labels.astype(np.int64)
