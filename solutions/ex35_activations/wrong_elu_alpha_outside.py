"""Wrong variant of exercise 35: ELU's negative branch written as alpha * exp(x) - 1."""

PART = "elu_and_grad"
TITLE = "ELU: alpha·e^x − 1 вместо alpha·(e^x − 1) (скобки)"
HINTS = (
    "При alpha = 1 ответ верен, а при других alpha — нет. Чему равен ELU(0) по вашей формуле?",
    "ELU непрерывна: при x → 0⁻ отрицательная ветвь должна давать 0, а при x → −∞ стремиться к −alpha.",
    "Отрицательная ветвь — alpha·(e^x − 1): alpha умножает всю скобку.",
)


def elu_and_grad(x, grad_output, alpha=1.0):
    e = torch.exp(torch.clamp(x, max=0.0))
    negative = x <= 0
    out = torch.where(negative, alpha * e - 1.0, x)
    return out, grad_output * torch.where(negative, alpha * e, torch.ones_like(x))
