"""Wrong variant of exercise 35: ELU's derivative at x = 0 taken as 1 (x >= 0 is the linear branch)."""

PART = "elu_and_grad"
TITLE = "ELU: в точке x = 0 производная 1 вместо alpha (ветвь x ≥ 0 вместо x > 0)"
HINTS = (
    "У ELU при alpha ≠ 1 в нуле излом: левая производная alpha, правая 1. Какую выбирает PyTorch?",
    "PyTorch относит точку x = 0 к ветви alpha·(e^x − 1): его производная в нуле равна alpha·e^0 = alpha.",
    "Условие линейной ветви — строго x > 0; при x ≤ 0 производная равна alpha·e^x.",
)


def elu_and_grad(x, grad_output, alpha=1.0):
    e = torch.exp(torch.clamp(x, max=0.0))
    positive = x >= 0
    out = torch.where(positive, x, alpha * (e - 1.0))
    return out, grad_output * torch.where(positive, torch.ones_like(x), alpha * e)
