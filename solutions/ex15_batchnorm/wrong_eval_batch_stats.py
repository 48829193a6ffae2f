"""Wrong variant of exercise 15: the training flag is ignored, eval mode still normalises with batch statistics."""

PART = "batchnorm_forward"
TITLE = "в режиме eval по-прежнему используются статистики батча (и обновляются running-статистики)"
HINTS = (
    "Зависит ли у вас выход одного примера в режиме eval от того, какие ещё примеры лежат в батче?",
    "При инференсе (training=False) батч может состоять из одного примера; нормируют накопленными "
    "running_mean и running_var, а сами они не меняются.",
    "При training=False подставьте mean = running_mean, var = running_var и верните копии "
    "running-статистик без обновления.",
)


def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5, training=True):
    axes = (0,) + tuple(range(2, x.ndim))
    shape = (1, -1) + (1,) * (x.ndim - 2)
    m = x.size // x.shape[1]
    if m < 2:
        raise ValueError("batch norm in training mode needs more than one value per channel")
    mean, var = x.mean(axis=axes), x.var(axis=axes)
    new_mean = (1 - momentum) * running_mean + momentum * mean
    new_var = (1 - momentum) * running_var + momentum * var * m / (m - 1)
    x_hat = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    return gamma.reshape(shape) * x_hat + beta.reshape(shape), new_mean, new_var
