"""Wrong variant of exercise 31: the central difference divided by eps instead of 2·eps."""

PART = "numerical_gradient"
TITLE = "центральная разность поделена на eps, а не на 2·eps: градиент вдвое больше"
HINTS = (
    "Сравните свой ответ с точным градиентом f(x) = x² в точке x = 1: во сколько раз он отличается?",
    "Точки x + eps и x − eps отстоят друг от друга на 2·eps — это и есть знаменатель.",
)


def numerical_gradient(f, x, eps=1e-6):
    x = x.detach()
    grad = torch.zeros(x.numel(), dtype=torch.float64, device=x.device)
    for i in range(x.numel()):
        step = torch.zeros(x.numel(), dtype=torch.float64, device=x.device)
        step[i] = eps
        step = step.reshape(x.shape)
        grad[i] = (f(x + step) - f(x - step)) / eps
    return grad.reshape(x.shape)
