"""Wrong variant of exercise 26: additive scores without the tanh, v . (W_q q + W_k k)."""

PART = "additive_attention"
TITLE = "в аддитивном скоре пропущен tanh"
HINTS = (
    "Без нелинейности скор v·(W_q q + W_k k_j) распадается на слагаемое, общее для всех позиций, "
    "и слагаемое, не зависящее от запроса. Что тогда softmax сделает со вкладом запроса?",
    "Аддитивное внимание — это маленький MLP со скрытым слоем размера A: нелинейность стоит между "
    "суммой проекций и скалярным произведением с v.",
    "Скор равен v · tanh(W_q q + W_k k_j): tanh применяется поэлементно к вектору длины A.",
)


def additive_attention(query, keys, values, W_q, W_k, v, mask=None):
    scores = ((query @ W_q.T)[:, None, :] + keys @ W_k.T) @ v
    weights = _masked_softmax(scores, mask)
    return np.einsum("bt,btd->bd", weights, values), weights
