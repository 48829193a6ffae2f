"""Wrong variant of exercise 28: every head gets its own full hidden x hidden Q, K and V matrices."""

PART = "bert_parameter_count"
TITLE = "у каждой головы свои полные матрицы Q, K, V размера H × H"
HINTS = (
    "Меняется ли у вас ответ, если при том же H взять другое число голов? А у настоящей модели?",
    "Головы не добавляют параметров: каждая работает в подпространстве размерности H / heads, "
    "и её проекции — это H / heads строк общих матриц W_Q, W_K, W_V размера H × H.",
    "На слой внимания приходится 4·(H² + H) параметров при любом числе голов.",
)


def bert_parameter_count(vocab, hidden, layers, heads, intermediate, max_pos, type_vocab):
    embeddings = (vocab + max_pos + type_vocab) * hidden + 2 * hidden
    attention = 3 * heads * (hidden * hidden + hidden) + hidden * hidden + hidden
    per_layer = attention + 2 * hidden * intermediate + intermediate + hidden + 4 * hidden
    return int(embeddings + layers * per_layer + hidden * hidden + hidden)
