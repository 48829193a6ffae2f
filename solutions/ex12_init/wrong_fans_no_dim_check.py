"""Wrong variant of exercise 12: no check of the number of dimensions, so a 1-D shape fails with IndexError."""

PART = "fans"
TITLE = "нет проверки числа осей: для формы из одной оси вылетает IndexError вместо ValueError"
HINTS = (
    "Что должна сделать функция для формы (5,), например для вектора смещений?",
    "У одномерного тензора нет ни входов, ни выходов; torch в этом случае явно выбрасывает ValueError.",
    "Проверьте len(shape) < 2 в начале функции и выбросьте ValueError с понятным сообщением.",
)


def fans(shape):
    receptive_field = 1
    for size in shape[2:]:
        receptive_field *= int(size)
    return int(shape[1]) * receptive_field, int(shape[0]) * receptive_field
