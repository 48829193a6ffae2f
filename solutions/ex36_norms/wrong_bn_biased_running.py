"""Wrong variant of ex36: running_var is updated with the biased batch variance."""

PART = "batchnorm2d_forward"
TITLE = "running_var обновляется смещённой дисперсией (без множителя m/(m − 1))"
HINTS = (
    "Выход в режиме обучения верен, а running_var после шага — нет. Какая дисперсия идёт в скользящее среднее?",
    "PyTorch копит в running_var несмещённую оценку дисперсии: деление на m − 1, где m = N·H·W.",
    "В формуле обновления умножьте дисперсию батча на m/(m − 1).",
)


def batchnorm2d_forward(x, weight, bias, running_mean, running_var, training=True, momentum=0.1, eps=1e-5):
    shape = (1, -1, 1, 1)
    if training:
        mean = x.mean(dim=(0, 2, 3))
        var = ((x - mean.reshape(shape)) ** 2).mean(dim=(0, 2, 3))
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.clone(), running_var.clone()
    x_hat = (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + eps)
    return weight.reshape(shape) * x_hat + bias.reshape(shape), new_mean, new_var
