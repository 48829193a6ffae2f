"""Wrong variant of exercise 23: offsets range(-window, window) miss the rightmost neighbour +window."""

PART = "skipgram_pairs"
TITLE = "окно несимметрично: range(-window, window) теряет соседа на смещении +window"
HINTS = (
    "Сколько пар даёт середина длинной последовательности при window = 2? Должно быть 4.",
    "range(a, b) не включает b: ваши смещения заканчиваются на window − 1.",
    "Нужны смещения от −window до +window включительно, без нуля.",
)


def skipgram_pairs(token_ids, window):
    n = len(token_ids)
    pairs = []
    for i in range(n):
        for offset in range(-window, window):
            j = i + offset
            if offset != 0 and 0 <= j < n:
                pairs.append((token_ids[i], token_ids[j]))
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)
