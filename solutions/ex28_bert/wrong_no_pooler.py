"""Wrong variant of exercise 28: the pooler (a hidden x hidden Linear on [CLS]) is not counted."""

PART = "bert_parameter_count"
TITLE = "не учтён пулер (Linear hidden × hidden над [CLS])"
HINTS = (
    "Для BERT-base у вас должно выйти 109 482 240. На сколько вы ошиблись и чему равно H² + H при H = 768?",
    "BertModel заканчивается пулером: вектор [CLS] проходит через Linear(H, H) и tanh; "
    "его вес и смещение входят в число параметров.",
    "Прибавьте H·H + H.",
)


def bert_parameter_count(vocab, hidden, layers, heads, intermediate, max_pos, type_vocab):
    embeddings = (vocab + max_pos + type_vocab) * hidden + 2 * hidden
    per_layer = 4 * (hidden * hidden + hidden) + 2 * hidden * intermediate + intermediate + hidden + 4 * hidden
    return int(embeddings + layers * per_layer)
