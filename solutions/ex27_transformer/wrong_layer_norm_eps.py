"""Wrong variant of exercise 27: LayerNorm with eps added to the standard deviation, not to the variance."""

PART = "encoder_layer"
TITLE = "в LayerNorm eps прибавлен к стандартному отклонению, а не к дисперсии под корнем"
HINTS = (
    "Ошибка мала (порядка 1e-5) и одинакова по смыслу во всех токенах: проверьте формулу нормировки.",
    "nn.LayerNorm делит на √(Var + eps), а не на √Var + eps; при малой дисперсии разница заметна.",
    "Прибавляйте eps = 1e-5 к смещённой дисперсии и только потом извлекайте корень.",
)


def _layer_norm(z, weight, bias, eps=1e-5):
    centred = z - z.mean(axis=-1, keepdims=True)
    return centred / (z.std(axis=-1, keepdims=True) + eps) * weight + bias
