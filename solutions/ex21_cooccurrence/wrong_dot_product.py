"""Wrong variant of exercise 21: ranking by the raw dot product, without dividing by the norms."""

PART = "nearest_neighbours"
TITLE = "скалярное произведение без деления на нормы"
HINTS = (
    "Проверьте слово с очень длинным вектором: не оказывается ли оно «соседом» всех подряд?",
    "u·v растёт с длиной v, поэтому длинные векторы выигрывают у близких по направлению.",
    "Разделите скалярное произведение на |u|·|v| — это и есть косинус.",
)


def nearest_neighbours(embeddings, index, k):
    scores = embeddings @ embeddings[index]
    order = np.argsort(-scores, kind="stable")
    return [int(j) for j in order if j != index][:k]
