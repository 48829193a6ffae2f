"""Wrong variant of exercise 35: the tanh approximation used for the exact GELU too."""

PART = "gelu_and_grad"
TITLE = "GELU: tanh-приближение вместо точной формулы с erf при approximate='none'"
HINTS = (
    "Сравните ваш GELU с F.gelu(x) по умолчанию в точке x = 1.5: разница порядка 1e-4 — это не округление.",
    "По умолчанию approximate='none': GELU(x) = x·Φ(x), где Φ — функция распределения N(0, 1); "
    "формула с tanh — лишь её приближение (approximate='tanh').",
    "Φ(x) = (1 + erf(x/√2))/2, а производная x·Φ(x) равна Φ(x) + x·φ(x), φ — плотность N(0, 1).",
)


def gelu_and_grad(x, grad_output, approximate="none"):
    c = math.sqrt(2.0 / math.pi)
    t = torch.tanh(c * (x + 0.044715 * x**3))
    derivative = 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * c * (1.0 + 3 * 0.044715 * x * x)
    return 0.5 * x * (1.0 + t), grad_output * derivative
