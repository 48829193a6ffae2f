"""Wrong variant of exercise 23: the noise words enter as log sigmoid(+u_k . v) (the minus is missing)."""

PART = "negative_sampling_loss"
TITLE = "пропущен минус у негативов: log σ(u_k·v_c) вместо log σ(−u_k·v_c)"
HINTS = (
    "Что должна делать модель с негативным словом: увеличивать или уменьшать его скалярное произведение с центром?",
    "Для негатива метка класса — 0: вероятность «не контекст» равна 1 − σ(s) = σ(−s).",
    "Потеря негатива — −log σ(−u_k·v_c); её производная по s равна σ(s).",
)


def negative_sampling_loss(centers, contexts, negatives, W_in, W_out):
    batch = len(centers)
    v = W_in[centers]
    u_pos = W_out[contexts]
    u_neg = W_out[negatives]
    s_pos = np.einsum("bd,bd->b", u_pos, v)
    s_neg = np.einsum("bkd,bd->bk", u_neg, v)
    loss = float((-_log_sigmoid(s_pos) - _log_sigmoid(s_neg).sum(axis=1)).mean())
    g_pos = (_sigmoid(s_pos) - 1.0) / batch
    g_neg = (_sigmoid(s_neg) - 1.0) / batch
    dv = g_pos[:, None] * u_pos + np.einsum("bk,bkd->bd", g_neg, u_neg)
    dW_in = np.zeros(W_in.shape)
    np.add.at(dW_in, centers, dv)
    dW_out = np.zeros(W_out.shape)
    np.add.at(dW_out, contexts, g_pos[:, None] * v)
    np.add.at(dW_out, negatives, g_neg[:, :, None] * v[:, None, :])
    return loss, dW_in, dW_out
