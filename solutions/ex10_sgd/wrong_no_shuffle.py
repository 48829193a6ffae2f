"""Wrong variant of exercise 10: the data are cut in their stored order, without a permutation."""

PART = "minibatch_indices"
TITLE = "нет перемешивания: батчи идут по порядку 0, 1, 2, …"
HINTS = (
    "Используется ли у вас генератор rng?",
    "DataLoader(shuffle=True) в начале каждой эпохи перемешивает индексы, иначе батчи одинаковы в каждой эпохе "
    "и зависят от порядка записи данных.",
    "Возьмите одну перестановку rng.permutation(n) и режьте её на подряд идущие куски.",
)


def minibatch_indices(n, batch_size, rng, drop_last=False):
    order = np.arange(n)
    stop = n - n % batch_size if drop_last else n
    return [order[start:start + batch_size] for start in range(0, stop, batch_size)]
