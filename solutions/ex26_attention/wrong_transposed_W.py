"""Wrong variant of exercise 26: the general score with W transposed, k^T W q instead of q^T W k."""

PART = "luong_attention"
TITLE = "в скоре general матрица W транспонирована (kᵀ W q вместо qᵀ W k)"
HINTS = (
    "При D_q ≠ D_k ваш код должен работать; при D_q = D_k сравните с ответом для несимметричной W.",
    "Билинейная форма qᵀ W k несимметрична: переставив q и k местами, вы используете Wᵀ.",
    "Матрица W имеет форму (D_q, D_k): слева на неё умножается запрос, справа — ключ, e = (q W) · k.",
)


def luong_attention(query, keys, values, W=None, mask=None):
    transformed = query if W is None else query @ W.T
    scores = np.einsum("bd,btd->bt", transformed, keys)
    weights = _masked_softmax(scores, mask)
    return np.einsum("bt,btd->bd", weights, values), weights
