"""Wrong variant of ex36: the Keras momentum convention (momentum is the weight of the old value)."""

PART = "batchnorm2d_forward"
TITLE = "momentum в соглашении Keras: running = momentum·running + (1 − momentum)·batch"
HINTS = (
    "При momentum = 0.1 насколько сильно running_mean должен сдвинуться к среднему батча за один шаг?",
    "В PyTorch momentum — это вес НОВОГО значения (по умолчанию 0.1), в Keras — вес старого (0.99).",
    "new = (1 − momentum)·running + momentum·batch_statistic.",
)


def batchnorm2d_forward(x, weight, bias, running_mean, running_var, training=True, momentum=0.1, eps=1e-5):
    shape = (1, -1, 1, 1)
    if training:
        m = x.shape[0] * x.shape[2] * x.shape[3]
        mean = x.mean(dim=(0, 2, 3))
        var = ((x - mean.reshape(shape)) ** 2).mean(dim=(0, 2, 3))
        new_mean = momentum * running_mean + (1 - momentum) * mean
        new_var = momentum * running_var + (1 - momentum) * var * m / (m - 1)
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.clone(), running_var.clone()
    x_hat = (x - mean.reshape(shape)) / torch.sqrt(var.reshape(shape) + eps)
    return weight.reshape(shape) * x_hat + bias.reshape(shape), new_mean, new_var
