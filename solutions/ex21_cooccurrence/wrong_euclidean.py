"""Wrong variant of exercise 21: neighbours by the smallest Euclidean distance instead of cosine."""

PART = "nearest_neighbours"
TITLE = "соседи по евклидову расстоянию, а не по косинусу"
HINTS = (
    "Умножьте один из векторов на 10: изменится ли его косинусная близость к остальным? А ваш ответ?",
    "Евклидово расстояние зависит от длин векторов (у частых слов они больше), "
    "косинус — только от направления.",
    "Поделите строки на их нормы и сравнивайте скалярные произведения единичных векторов.",
)


def nearest_neighbours(embeddings, index, k):
    distance = np.linalg.norm(embeddings - embeddings[index], axis=1)
    order = np.argsort(distance, kind="stable")
    return [int(j) for j in order if j != index][:k]
