"""Wrong variant of exercise 15: eps added to the standard deviation instead of the variance."""

PART = "batchnorm_forward"
TITLE = "eps прибавлен к стандартному отклонению, а не к дисперсии: (x − μ)/(√var + eps)"
HINTS = (
    "Ошибка маленькая и растёт на каналах с малым разбросом и при большом eps. Где стоит eps в вашей формуле?",
    "В PyTorch (и в статье Ioffe и Szegedy) знаменатель — √(var + eps): eps складывается с дисперсией под корнем.",
    "Делите на np.sqrt(var + eps), а не на np.sqrt(var) + eps.",
)


def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5, training=True):
    axes = (0,) + tuple(range(2, x.ndim))
    shape = (1, -1) + (1,) * (x.ndim - 2)
    if not training:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.copy(), running_var.copy()
    else:
        m = x.size // x.shape[1]
        if m < 2:
            raise ValueError("batch norm in training mode needs more than one value per channel")
        mean, var = x.mean(axis=axes), x.var(axis=axes)
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var * m / (m - 1)
    x_hat = (x - mean.reshape(shape)) / (np.sqrt(var.reshape(shape)) + eps)
    return gamma.reshape(shape) * x_hat + beta.reshape(shape), new_mean, new_var
