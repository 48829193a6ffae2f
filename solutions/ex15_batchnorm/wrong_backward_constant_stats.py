"""Wrong variant of exercise 15: the backward pass treats the batch mean and variance as constants."""

PART = "batchnorm_backward"
TITLE = "в dx нет вкладов через среднее и дисперсию батча: dx = γ·dy/√(var + eps)"
HINTS = (
    "Сложите ваш dx по батчу в каждом столбце. Что должно получиться, если прибавить ко всему столбцу x константу?",
    "Среднее и дисперсия батча сами зависят от каждого x_i: каждый пример влияет на выход всех остальных. "
    "Градиент идёт и по этим путям.",
    "dx = γ/σ · (dy − mean(dy) − x̂·mean(dy·x̂)), средние — по батчу в каждом столбце.",
)


def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    if x.shape[0] < 2:
        raise ValueError("batch norm in training mode needs more than one value per channel")
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    x_hat = (x - x.mean(axis=0)) * inv_std
    return grad_out * gamma * inv_std, (grad_out * x_hat).sum(axis=0), grad_out.sum(axis=0)
