"""Wrong variant of exercise 35: sigmoid' written as exp(-x)/(1+exp(-x))^2, NaN for x = -1000."""

PART = "silu_and_grad"
TITLE = "σ′(x) записана как e^{−x}/(1+e^{−x})²: при x = −1000 получается inf/inf = NaN"
HINTS = (
    "Что даёт ваша формула градиента при x = −1000? Посчитайте e^{1000} в float64.",
    "Формулы с e^{−x} в числителе и знаменателе переполняются при больших отрицательных x, "
    "хотя ответ конечен (почти 0).",
    "Выразите производную через уже вычисленную s = torch.sigmoid(x): σ′ = s(1 − s), "
    "а SiLU′ = s + x·s(1 − s).",
)


def silu_and_grad(x, grad_output):
    e = torch.exp(-x)
    s = 1.0 / (1.0 + e)
    return x * s, grad_output * (s + x * e / (1.0 + e) ** 2)
