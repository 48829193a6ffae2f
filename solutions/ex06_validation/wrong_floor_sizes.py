"""Wrong variant of exercise 6: the validation and test sizes are rounded down with int()."""

PART = "train_val_test_split"
TITLE = "размеры val и test округляются вниз (int), а не вверх"
HINTS = (
    "Сколько объектов попадёт в тест при n = 7 и test_fraction = 0.1?",
    "int(0.7) = 0: при малой выборке отложенная часть может оказаться пустой. "
    "Правило train_test_split округляет размер теста вверх.",
    "Используйте math.ceil(n * fraction) для обеих отложенных частей.",
)


def train_val_test_split(n, val_fraction, test_fraction, rng):
    if not (0 < val_fraction < 1 and 0 < test_fraction < 1):
        raise ValueError("bad fractions")
    n_test, n_val = int(n * test_fraction), int(n * val_fraction)
    if n - n_test - n_val < 1:
        raise ValueError("nothing left for training")
    order = rng.permutation(n)
    return np.sort(order[n_test + n_val:]), np.sort(order[n_test:n_test + n_val]), np.sort(order[:n_test])
