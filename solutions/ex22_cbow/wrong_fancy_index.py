"""Wrong variant of exercise 22: dW_in[context_ids] += ... loses the repeated ids (np.add.at is needed)."""

PART = "cbow_loss_and_grads"
TITLE = "dW_in[context_ids] += ... теряет повторяющиеся индексы (нужен np.add.at)"
HINTS = (
    "Возьмите контекст, где одно слово встречается дважды: во сколько раз его строка dW_in "
    "должна быть больше, чем при одном вхождении?",
    "Присваивание с индексным массивом, в котором есть повторы, записывает в строку только "
    "одно из значений, а не их сумму.",
    "Накапливайте вклады через np.add.at(dW_in, context_ids, ...) или явным циклом.",
)


def cbow_loss_and_grads(context_ids, target_ids, W_in, W_out):
    batch, width = context_ids.shape
    h = W_in[context_ids].mean(axis=1)
    log_probs = _log_softmax(h @ W_out.T)
    rows = np.arange(batch)
    d_scores = np.exp(log_probs)
    d_scores[rows, target_ids] -= 1.0
    d_scores /= batch
    d_in = np.zeros_like(W_in)
    d_in[context_ids] += (d_scores @ W_out)[:, None, :] / width
    return float(-log_probs[rows, target_ids].mean()), d_in, d_scores.T @ h
