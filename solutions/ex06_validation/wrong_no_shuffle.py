"""Wrong variant of exercise 6: the split ignores rng and cuts the indices in their original order."""

PART = "train_val_test_split"
TITLE = "индексы не перемешиваются (rng не используется)"
HINTS = (
    "Меняется ли ваше разбиение, если передать другой генератор?",
    "Данные часто упорядочены (по времени, по классу): срез без перемешивания даёт тест из «последних» "
    "объектов, непохожих на обучающие.",
    "Получите order = rng.permutation(n) и режьте на части именно его.",
)


def train_val_test_split(n, val_fraction, test_fraction, rng):
    if not (0 < val_fraction < 1 and 0 < test_fraction < 1):
        raise ValueError("bad fractions")
    n_test, n_val = math.ceil(n * test_fraction), math.ceil(n * val_fraction)
    if n - n_test - n_val < 1:
        raise ValueError("nothing left for training")
    order = np.arange(n)
    return order[n_test + n_val:], order[n_test:n_test + n_val], order[:n_test]
