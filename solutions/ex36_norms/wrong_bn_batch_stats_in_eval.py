"""Wrong variant of ex36: eval mode still normalises with the batch statistics."""

PART = "batchnorm2d_forward"
TITLE = "в режиме eval используются статистики батча, а не running_mean/running_var"
HINTS = (
    "В режиме eval подайте батч из одного примера и тот же пример внутри большого батча: совпадают ли выходы?",
    "После обучения сеть должна давать для примера один и тот же ответ, каким бы ни был остальной батч.",
    "При training=False нормируйте на running_mean и running_var, а статистики верните без изменений.",
)


def batchnorm2d_forward(x, weight, bias, running_mean, running_var, training=True, momentum=0.1, eps=1e-5):
    shape = (1, -1, 1, 1)
    m = x.shape[0] * x.shape[2] * x.shape[3]
    mean = x.mean(dim=(0, 2, 3))
    var = ((x - mean.reshape(shape)) ** 2).mean(dim=(0, 2, 3))
    if training:
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var * m / (m - 1)
    else:
        new_mean, new_var = running_mean.clone(), running_var.clone()
    x_hat = (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + eps)
    return weight.reshape(shape) * x_hat + bias.reshape(shape), new_mean, new_var
