"""Wrong variant of exercise 15: dgamma multiplies the upstream gradient by x instead of the normalised x_hat."""

PART = "batchnorm_backward"
TITLE = "dgamma = Σ dy·x вместо Σ dy·x̂"
HINTS = (
    "dx и dbeta верны, а dgamma — нет. На что именно умножается γ в прямом проходе?",
    "out = γ·x̂ + β, поэтому ∂out/∂γ — нормированный вход x̂, а не исходный x.",
    "dgamma = (dy · x̂).sum(axis=0), где x̂ = (x − mean)/√(var + eps).",
)


def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    if x.shape[0] < 2:
        raise ValueError("batch norm in training mode needs more than one value per channel")
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    x_hat = (x - x.mean(axis=0)) * inv_std
    g_hat = grad_out * gamma
    dx = inv_std * (g_hat - g_hat.mean(axis=0) - x_hat * (g_hat * x_hat).mean(axis=0))
    return dx, (grad_out * x).sum(axis=0), grad_out.sum(axis=0)
