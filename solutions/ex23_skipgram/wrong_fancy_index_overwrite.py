"""Wrong variant of exercise 23: dW[ids] += g with fancy indexing keeps one contribution per repeated id."""

PART = "negative_sampling_loss"
TITLE = "градиенты повторяющихся id перезаписываются (dW[ids] += g), а не суммируются"
HINTS = (
    "Пусть одно и то же негативное слово выпало дважды. Во сколько раз его градиент должен быть больше, "
    "чем при одном выпадении?",
    "При индексировании массивом dW[ids] += g для повторяющихся ids выполняется одно присваивание: "
    "последнее значение затирает остальные.",
    "Накапливайте вклады через np.add.at(dW, ids, g) или явным циклом.",
)


def negative_sampling_loss(centers, contexts, negatives, W_in, W_out):
    batch = len(centers)
    v = W_in[centers]
    u_pos = W_out[contexts]
    u_neg = W_out[negatives]
    s_pos = np.einsum("bd,bd->b", u_pos, v)
    s_neg = np.einsum("bkd,bd->bk", u_neg, v)
    loss = float((-_log_sigmoid(s_pos) - _log_sigmoid(-s_neg).sum(axis=1)).mean())
    g_pos = (_sigmoid(s_pos) - 1.0) / batch
    g_neg = _sigmoid(s_neg) / batch
    dv = g_pos[:, None] * u_pos + np.einsum("bk,bkd->bd", g_neg, u_neg)
    dW_in = np.zeros(W_in.shape)
    dW_in[centers] += dv
    dW_out = np.zeros(W_out.shape)
    dW_out[contexts] += g_pos[:, None] * v
    dW_out[negatives] += g_neg[:, :, None] * v[:, None, :]
    return loss, dW_in, dW_out
