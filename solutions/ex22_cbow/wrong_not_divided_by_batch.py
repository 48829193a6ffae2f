"""Wrong variant of exercise 22: the gradients of the mean loss are not divided by the batch size."""

PART = "cbow_loss_and_grads"
TITLE = "градиенты не поделены на размер батча (градиент суммы, а не среднего)"
HINTS = (
    "Повторите батч дважды: потеря не изменится. А ваши градиенты?",
    "Потеря — среднее по B примерам, поэтому и производная от (softmax − onehot) делится на B.",
    "Разделите d(потеря)/d(оценки) на B до того, как считать dW_out и dW_in.",
)


def cbow_loss_and_grads(context_ids, target_ids, W_in, W_out):
    batch, width = context_ids.shape
    h = W_in[context_ids].mean(axis=1)
    log_probs = _log_softmax(h @ W_out.T)
    rows = np.arange(batch)
    d_scores = np.exp(log_probs)
    d_scores[rows, target_ids] -= 1.0
    d_in = np.zeros_like(W_in)
    np.add.at(d_in, context_ids, np.repeat((d_scores @ W_out)[:, None, :] / width, width, axis=1))
    return float(-log_probs[rows, target_ids].mean()), d_in, d_scores.T @ h
