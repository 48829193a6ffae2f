"""Wrong variant of exercise 26: softmax over all positions, then weights multiplied by the mask (no renormalising)."""

PART = "additive_attention"
TITLE = "маска применена после softmax умножением весов, без перенормировки"
HINTS = (
    "Сложите ваши веса по оси T в строке, где есть паддинг: получается ли 1?",
    "Обнулив веса паддинга после softmax, вы выбросили часть вероятностной массы: оставшиеся веса "
    "в сумме меньше 1, и паддинг всё равно повлиял на них через знаменатель.",
    "Маскируйте до softmax: замените скоры паддинга на −inf, тогда exp даст 0, а нормировка пойдёт "
    "только по настоящим позициям.",
)


def additive_attention(query, keys, values, W_q, W_k, v, mask=None):
    scores = np.tanh((query @ W_q.T)[:, None, :] + keys @ W_k.T) @ v
    exps = np.exp(scores - scores.max(axis=-1, keepdims=True))
    weights = exps / exps.sum(axis=-1, keepdims=True)
    if mask is not None:
        weights = weights * mask
    return np.einsum("bt,btd->bd", weights, values), weights
