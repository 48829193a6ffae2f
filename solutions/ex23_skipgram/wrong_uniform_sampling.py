"""Wrong variant of exercise 23: noise ids drawn uniformly from the vocabulary, dist is ignored."""

PART = "sample_negatives"
TITLE = "негативы выбираются равномерно по словарю, распределение dist не учитывается"
HINTS = (
    "Может ли ваша функция вернуть слово, у которого dist[w] = 0?",
    "Частое слово должно выпадать чаще редкого — пропорционально dist[w].",
    "Выбирайте id с вероятностями dist: rng.choice с параметром p "
    "(или обратная функция распределения по np.cumsum(dist)).",
)


def sample_negatives(dist, k, rng):
    return rng.integers(0, len(dist), size=k)
