"""Wrong variant of exercise 15: variance as E[x²] − E[x]², which cancels catastrophically for large offsets."""

PART = "batchnorm_forward"
TITLE = "дисперсия по формуле E[x²] − (E[x])²: катастрофическое сокращение при большом смещении входа"
HINTS = (
    "На обычных данных всё верно, а на входе порядка 1e5 — нет. Сколько верных знаков остаётся у x² ≈ 1e10 "
    "после вычитания близкого числа?",
    "Формула E[x²] − (E[x])² верна математически, но вычитает два огромных почти равных числа: "
    "в float64 теряются почти все знаки дисперсии.",
    "Сначала вычтите среднее, потом возводите в квадрат: var = mean((x − mean)²).",
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
        var = (x ** 2).mean(axis=axes) - mean ** 2
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var * m / (m - 1)
    x_hat = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    return gamma.reshape(shape) * x_hat + beta.reshape(shape), new_mean, new_var
