"""Correct alternative for exercise 15: channels flattened to columns, running sums in loops,
and the backward pass written through the chain rule for mean and variance step by step."""


def _columns(x):
    """(N, C) or (N, C, L) -> (m, C): every row is one value of every channel."""
    if x.ndim == 2:
        return x
    return np.moveaxis(x, 1, -1).reshape(-1, x.shape[1])


def batchnorm_forward(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5, training=True):
    cols = _columns(x)
    m, channels = cols.shape
    new_mean = np.array(running_mean, dtype=np.float64)
    new_var = np.array(running_var, dtype=np.float64)
    mean = np.array(running_mean, dtype=np.float64)
    var = np.array(running_var, dtype=np.float64)
    if training:
        if m == 1:
            raise ValueError("need at least two values per channel to train batch norm")
        for c in range(channels):
            mu = sum(cols[:, c]) / m
            squares = sum((v - mu) ** 2 for v in cols[:, c])
            mean[c], var[c] = mu, squares / m
            new_mean[c] = new_mean[c] + momentum * (mu - new_mean[c])
            new_var[c] = new_var[c] + momentum * (squares / (m - 1) - new_var[c])
    view = (1, channels) + (1,) * (x.ndim - 2)
    scale = gamma / np.sqrt(var + eps)
    out = (x - mean.reshape(view)) * scale.reshape(view) + beta.reshape(view)
    return out, new_mean, new_var


def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    n = x.shape[0]
    if n == 1:
        raise ValueError("need at least two values per channel to train batch norm")
    mu = x.mean(axis=0)
    centred = x - mu
    var = (centred ** 2).mean(axis=0)
    std = np.sqrt(var + eps)
    x_hat = centred / std
    dbeta = np.sum(grad_out, axis=0)
    dgamma = np.sum(grad_out * x_hat, axis=0)
    d_xhat = grad_out * gamma
    # chain rule through x_hat = centred / std, std = sqrt(var + eps), var = mean(centred²), centred = x - mu
    d_var = np.sum(d_xhat * centred, axis=0) * (-0.5) * std ** -3
    d_centred = d_xhat / std + d_var * 2.0 * centred / n
    dx = d_centred - d_centred.mean(axis=0)
    return dx, dgamma, dbeta
