"""Wrong variant of exercise 28: every chosen token becomes [MASK] (no 80/10/10 split)."""

PART = "mlm_mask"
TITLE = "все выбранные токены заменяются на [MASK] (нет правила 80/10/10)"
HINTS = (
    "Посчитайте среди выбранных позиций доли: [MASK], случайный токен, исходный токен. Сколько должно быть?",
    "При дообучении токена [MASK] во входе не бывает; чтобы модель не полагалась на него, часть "
    "выбранных позиций получает случайный токен, а часть остаётся как есть.",
    "Из выбранных позиций 80% → mask_id, 10% → случайный id из [0, vocab_size), 10% без изменений; "
    "метка при этом во всех трёх случаях — исходный токен.",
)


def mlm_mask(token_ids, special_mask, vocab_size, rng, mask_id):
    chosen = (rng.random(token_ids.shape) < 0.15) & ~special_mask
    labels = np.where(chosen, token_ids, -100)
    inputs = np.where(chosen, mask_id, token_ids)
    return inputs.astype(np.int64), labels.astype(np.int64)
