"""Wrong variant of exercise 35: LogSigmoid's derivative taken as sigmoid(x) instead of 1 - sigmoid(x)."""

PART = "logsigmoid_and_grad"
TITLE = "производная LogSigmoid взята как σ(x) вместо 1 − σ(x)"
HINTS = (
    "LogSigmoid растёт быстрее всего при x → −∞ (там она почти равна x), а при x → +∞ выходит на 0. "
    "Согласуется ли с этим ваша производная?",
    "(log σ(x))′ = σ′(x)/σ(x) = σ(x)(1 − σ(x))/σ(x).",
    "Производная равна 1 − σ(x) = σ(−x).",
)


def logsigmoid_and_grad(x, grad_output):
    out = torch.clamp(x, max=0.0) - torch.log1p(torch.exp(-torch.abs(x)))
    return out, grad_output * torch.sigmoid(x)
