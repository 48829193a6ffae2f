"""Wrong variant of exercise 28: the LayerNorm parameters (gamma and beta) are not counted."""

PART = "bert_parameter_count"
TITLE = "не учтены параметры LayerNorm (gamma и beta)"
HINTS = (
    "У вас не хватает числа, кратного 2·H. Какие слои BERT имеют ровно по 2·H параметров?",
    "У LayerNorm есть обучаемые масштаб gamma и сдвиг beta, по H чисел; в BERT один LayerNorm "
    "после эмбеддингов и по два в каждом слое энкодера.",
    "Прибавьте 2·H за эмбеддинги и 4·H за каждый слой.",
)


def bert_parameter_count(vocab, hidden, layers, heads, intermediate, max_pos, type_vocab):
    embeddings = (vocab + max_pos + type_vocab) * hidden
    per_layer = 4 * (hidden * hidden + hidden) + 2 * hidden * intermediate + intermediate + hidden
    return int(embeddings + layers * per_layer + hidden * hidden + hidden)
