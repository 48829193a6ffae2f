"""Wrong variant of exercise 21: the query word itself is returned as its own nearest neighbour."""

PART = "nearest_neighbours"
TITLE = "в ответ попадает само слово-запрос (косинус с собой равен 1)"
HINTS = (
    "Какое слово стоит первым в вашем ответе?",
    "Косинус вектора с самим собой равен 1 — больше, чем у любого другого слова; "
    "это слово нужно исключить.",
    "Уберите индекс index из кандидатов до того, как брать первые k.",
)


def nearest_neighbours(embeddings, index, k):
    unit = embeddings / np.linalg.norm(embeddings, axis=1, keepdims=True)
    order = np.argsort(-(unit @ unit[index]), kind="stable")
    return [int(j) for j in order[:k]]
