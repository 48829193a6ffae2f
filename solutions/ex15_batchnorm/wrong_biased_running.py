"""Wrong variant of exercise 15: the running variance is updated with the biased batch variance."""

PART = "batchnorm_forward"
TITLE = "running_var обновляется смещённой дисперсией батча (÷m), а не несмещённой (÷(m−1))"
HINTS = (
    "Выход совпадает, а new_running_var — нет. Во сколько раз отличается добавка momentum·var?",
    "Скользящая дисперсия в PyTorch — оценка дисперсии всей выборки, поэтому в неё идёт "
    "несмещённая дисперсия батча (деление на m − 1).",
    "В обновлении running_var умножьте смещённую дисперсию на m/(m − 1), где m — число значений на канал.",
)


def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5, training=True):
    axes = (0,) + tuple(range(2, x.ndim))
    shape = (1, -1) + (1,) * (x.ndim - 2)
    if not training:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.copy(), running_var.copy()
    else:
        if x.size // x.shape[1] < 2:
            raise ValueError("batch norm in training mode needs more than one value per channel")
        mean, var = x.mean(axis=axes), x.var(axis=axes)
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var
    x_hat = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    return gamma.reshape(shape) * x_hat + beta.reshape(shape), new_mean, new_var
