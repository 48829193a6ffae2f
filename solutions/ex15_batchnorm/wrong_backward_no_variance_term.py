"""Wrong variant of exercise 15: dx keeps the path through the mean but drops the one through the variance."""

PART = "batchnorm_backward"
TITLE = "в dx учтено среднее батча, но пропущен вклад через дисперсию (член −x̂·mean(dy·x̂))"
HINTS = (
    "Сумма dx по батчу у вас уже 0. Проверьте другое: что будет, если умножить столбец x на 2?",
    "Выход не меняется при растяжении столбца, значит dx ортогонален x̂; это свойство даёт путь через дисперсию.",
    "Добавьте член −x̂·mean(γ·dy·x̂) в скобки: dx = γ/σ · (dy − mean(dy) − x̂·mean(dy·x̂)).",
)


def batchnorm_backward(grad_out, x, gamma, eps=1e-5):
    if x.shape[0] < 2:
        raise ValueError("batch norm in training mode needs more than one value per channel")
    inv_std = 1.0 / np.sqrt(x.var(axis=0) + eps)
    x_hat = (x - x.mean(axis=0)) * inv_std
    g_hat = grad_out * gamma
    dx = inv_std * (g_hat - g_hat.mean(axis=0))
    return dx, (grad_out * x_hat).sum(axis=0), grad_out.sum(axis=0)
