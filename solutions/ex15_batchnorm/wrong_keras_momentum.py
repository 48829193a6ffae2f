"""Wrong variant of exercise 15: the momentum convention reversed (Keras style: momentum weights the old value)."""

PART = "batchnorm_forward"
TITLE = "momentum в смысле Keras: running = momentum·running + (1 − momentum)·batch"
HINTS = (
    "При momentum = 0.1 насколько ваши скользящие статистики сдвинулись к статистикам батча: на 10 % или на 90 %?",
    "В PyTorch momentum — вес НОВОГО значения: running ← (1 − momentum)·running + momentum·batch; "
    "в Keras (momentum = 0.99) наоборот.",
    "Поменяйте местами множители momentum и 1 − momentum в обновлении обеих скользящих статистик.",
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
        new_mean = momentum * running_mean + (1 - momentum) * mean
        new_var = momentum * running_var + (1 - momentum) * var * m / (m - 1)
    x_hat = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    return gamma.reshape(shape) * x_hat + beta.reshape(shape), new_mean, new_var
