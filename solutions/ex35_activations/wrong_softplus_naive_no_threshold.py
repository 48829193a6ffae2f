"""Wrong variant of exercise 35: Softplus as log(1 + exp(beta x)) / beta, no threshold, no stable form."""

PART = "softplus_and_grad"
TITLE = "Softplus по формуле log(1 + e^{βx})/β без порога и без устойчивой записи"
HINTS = (
    "Что вернёт ваша функция при x = 1000? Посчитайте e^{1000} в float64.",
    "PyTorch выше порога (beta·x > threshold) возвращает сам x; ниже порога log(1 + e^z) можно записать "
    "так, чтобы показатель экспоненты был ≤ 0.",
    "log(1 + e^z) = max(z, 0) + log1p(e^{−|z|}); затем torch.where(beta·x > threshold, x, ...). "
    "Производная — σ(beta·x) или 1 на линейном участке.",
)


def softplus_and_grad(x, grad_output, beta=1.0, threshold=20.0):
    z = beta * x
    return torch.log(1.0 + torch.exp(z)) / beta, grad_output * torch.sigmoid(z)
