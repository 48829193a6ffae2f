"""Wrong variant of exercise 15: normalises with the unbiased variance (m - 1) and keeps the biased one
for the running statistics: the two conventions swapped."""

PART = "batchnorm_forward"
TITLE = "дисперсии перепутаны: нормировка по несмещённой (÷(m−1)), а running_var обновляется смещённой (÷m)"
HINTS = (
    "Сравните ваш выход с F.batch_norm на батче из двух примеров: где расхождение заметнее всего?",
    "PyTorch нормирует батч смещённой дисперсией (деление на m), а в running_var кладёт "
    "несмещённую (деление на m − 1), не наоборот.",
    "Для нормировки var = mean((x − mean)²); для running_var умножьте её на m/(m − 1).",
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
        mean = x.mean(axis=axes)
        var = x.var(axis=axes, ddof=1)  # unbiased, used for normalising
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * x.var(axis=axes)  # biased
    x_hat = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    return gamma.reshape(shape) * x_hat + beta.reshape(shape), new_mean, new_var
