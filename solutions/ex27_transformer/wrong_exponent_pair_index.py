"""Wrong variant of exercise 27: the exponent i/d with the pair index i instead of 2i/d."""

PART = "sinusoidal_positional_encoding"
TITLE = "в показателе i/d вместо 2i/d: частоты убывают вдвое медленнее"
HINTS = (
    "Посчитайте частоту последней пары столбцов: близка ли она к 1/10000?",
    "В формуле 10000^(2i/d) число 2i — это номер чётного столбца, а i пробегает 0..d/2−1; "
    "показатель меняется от 0 почти до 1.",
    "Используйте в показателе номер чётного столбца (0, 2, 4, ...), делённый на d_model.",
)


def sinusoidal_positional_encoding(max_len, d_model):
    angles = np.arange(max_len)[:, None] / 10000.0 ** (np.arange(d_model // 2) / d_model)
    pe = np.empty((max_len, d_model))
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe
