"""Wrong variant of exercise 27: all sines in the first half and all cosines in the second half."""

PART = "sinusoidal_positional_encoding"
TITLE = "синусы и косинусы склеены половинами, а не чередуются"
HINTS = (
    "Какие значения стоят в PE[0]? Сравните с (0, 1, 0, 1, ...).",
    "Такой вариант (сначала все sin, потом все cos) встречается в некоторых библиотеках, но в статье "
    "и в упражнении столбцы 2i и 2i+1 — пара sin/cos одной частоты.",
    "Пишите синусы в чётные столбцы (срез 0::2), косинусы — в нечётные (срез 1::2).",
)


def sinusoidal_positional_encoding(max_len, d_model):
    angles = np.arange(max_len)[:, None] / 10000.0 ** (np.arange(0, d_model, 2) / d_model)
    return np.concatenate([np.sin(angles), np.cos(angles)], axis=1)
