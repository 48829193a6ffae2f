"""Wrong variant of exercise 17: the bias is always counted, even with bias=False."""

PART = "conv_params"
TITLE = "смещения учитываются и при bias=False"
HINTS = (
    "Сравните ваш ответ для bias=True и bias=False: должен ли он меняться?",
    "При bias=False у слоя нет тензора bias; параметров ровно столько, сколько весов в ядрах.",
    "Прибавляйте c_out смещений, только если bias истинно.",
)


def conv_params(c_in, c_out, k_h, k_w, bias=True):
    return c_out * (c_in * k_h * k_w + 1)
