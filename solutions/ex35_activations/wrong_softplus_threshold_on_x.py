"""Wrong variant of exercise 35: Softplus switches to the linear branch when x > threshold (not beta * x)."""

PART = "softplus_and_grad"
TITLE = "Softplus: с threshold сравнивается x, а не beta·x"
HINTS = (
    "При beta = 1 ответ верен. Возьмите beta = 2, threshold = 3, x = 2: что вернёт F.softplus?",
    "В документации PyTorch линейный участок начинается, когда input × beta > threshold.",
    "Сравнивайте z = beta·x с threshold (строго больше) и в этой области возвращайте x, а градиент — grad_output.",
)


def softplus_and_grad(x, grad_output, beta=1.0, threshold=20.0):
    z = beta * x
    linear = x > threshold
    smooth = (torch.clamp(z, min=0.0) + torch.log1p(torch.exp(-torch.abs(z)))) / beta
    out = torch.where(linear, x, smooth)
    return out, grad_output * torch.where(linear, torch.ones_like(x), torch.sigmoid(z))
