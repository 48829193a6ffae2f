"""Wrong variant of ex36: the batch is normalised with the unbiased variance (divide by m - 1)."""

PART = "batchnorm2d_forward"
TITLE = "нормировка батча несмещённой дисперсией (деление на m − 1)"
HINTS = (
    "Сравните выход на маленьком батче (N·H·W порядка 6) и на большом: где ошибка заметнее?",
    "BatchNorm делит на m − 1 только в формуле обновления running_var; сам батч нормируется "
    "смещённой дисперсией.",
    "Для нормировки возьмите среднее квадратов отклонений (деление на m = N·H·W), а множитель m/(m − 1) "
    "оставьте только для running_var.",
)


def batchnorm2d_forward(x, weight, bias, running_mean, running_var, training=True, momentum=0.1, eps=1e-5):
    shape = (1, -1, 1, 1)
    if training:
        mean = x.mean(dim=(0, 2, 3))
        var = x.var(dim=(0, 2, 3))  # unbiased by default
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.clone(), running_var.clone()
    x_hat = (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + eps)
    return weight.reshape(shape) * x_hat + bias.reshape(shape), new_mean, new_var
