"""Wrong variant of exercise 27: cos on the even columns and sin on the odd ones."""

PART = "sinusoidal_positional_encoding"
TITLE = "sin и cos перепутаны местами (cos в чётных столбцах)"
HINTS = (
    "Чему должна равняться нулевая строка PE (позиция 0)?",
    "По формуле статьи чётные столбцы 2i — синусы, нечётные 2i+1 — косинусы, поэтому "
    "PE[0] = (0, 1, 0, 1, ...).",
    "Запишите sin в столбцы 0::2, а cos в столбцы 1::2.",
)


def sinusoidal_positional_encoding(max_len, d_model):
    angles = np.arange(max_len)[:, None] / 10000.0 ** (np.arange(0, d_model, 2) / d_model)
    pe = np.empty((max_len, d_model))
    pe[:, 0::2] = np.cos(angles)
    pe[:, 1::2] = np.sin(angles)
    return pe
