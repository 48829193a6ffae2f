"""Wrong variant of exercise 31: a one-sided difference (f(x + eps) − f(x)) / eps."""

PART = "numerical_gradient"
TITLE = "односторонняя разность (f(x + eps·eᵢ) − f(x)) / eps вместо центральной"
HINTS = (
    "Уменьшите eps в 10 раз: во сколько раз уменьшилась ошибка вашего градиента? У центральной разности — в 100.",
    "Разложите f(x ± eps) в ряд Тейлора: в разности f(x + eps) − f(x − eps) член с f'' сокращается.",
    "Делите f(x + eps·eᵢ) − f(x − eps·eᵢ) на 2·eps.",
)


def numerical_gradient(f, x, eps=1e-6):
    x = x.detach()
    base = f(x)
    grad = torch.zeros(x.numel(), dtype=torch.float64, device=x.device)
    for i in range(x.numel()):
        step = torch.zeros(x.numel(), dtype=torch.float64, device=x.device)
        step[i] = eps
        grad[i] = (f(x + step.reshape(x.shape)) - base) / eps
    return grad.reshape(x.shape)
