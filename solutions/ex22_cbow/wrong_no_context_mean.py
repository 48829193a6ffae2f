"""Wrong variant of exercise 22: every context word receives the whole dL/dh, without the 1/C of the mean."""

PART = "cbow_loss_and_grads"
TITLE = "в dW_in забыт множитель 1/2m от усреднения контекста"
HINTS = (
    "dW_out совпадает, а dW_in отличается в одно и то же число раз. В какое?",
    "h = (v_1 + … + v_C)/C, поэтому ∂h/∂v_j = 1/C: каждое слово контекста получает лишь C-ю часть ∂L/∂h.",
    "Прибавляйте к строкам dW_in величину (∂L/∂h) / C, где C = 2m — ширина контекста.",
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
    np.add.at(d_in, context_ids, np.repeat((d_scores @ W_out)[:, None, :], width, axis=1))
    return float(-log_probs[rows, target_ids].mean()), d_in, d_scores.T @ h
