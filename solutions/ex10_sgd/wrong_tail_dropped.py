"""Wrong variant of exercise 10: the shorter last batch is always dropped (as with int(n / batch_size) batches)."""

PART = "minibatch_indices"
TITLE = "неполный последний батч теряется даже при drop_last=False"
HINTS = (
    "Сколько батчей у вас при n = 7 и batch_size = 3? Сколько примеров эпохи в них попало?",
    "int(n / batch_size) батчей покрывают только n − n % batch_size примеров: хвост эпохи пропадает.",
    "При drop_last=False батчей ⌈n / batch_size⌉, последний может быть короче.",
)


def minibatch_indices(n, batch_size, rng, drop_last=False):
    perm = rng.permutation(n)
    return [perm[k * batch_size:(k + 1) * batch_size] for k in range(n // batch_size)]
