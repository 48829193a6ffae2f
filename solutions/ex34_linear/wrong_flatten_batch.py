"""Wrong variant of exercise 34: the input is flattened to 2-D and the leading axes are not restored."""

PART = "linear_forward"
TITLE = "вход сплющен в (N, in), а ведущие оси не восстановлены"
HINTS = (
    "Сравните форму вашего ответа с формой x для входа ранга 3 или для одного вектора (in,).",
    "nn.Linear принимает вход формы (*, in) и возвращает (*, out): все оси, кроме последней, "
    "остаются как были.",
    "Либо верните y.reshape(*x.shape[:-1], out), либо не сплющивайте вовсе: matmul сам работает "
    "с ведущими осями.",
)


def linear_forward(x, W, b=None):
    y = x.reshape(-1, W.shape[1]) @ W.T
    return y if b is None else y + b
