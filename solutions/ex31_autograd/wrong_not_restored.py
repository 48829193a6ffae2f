"""Wrong variant of exercise 31: x is shifted in place (+eps, then −2·eps) and never restored."""

PART = "numerical_gradient"
TITLE = "x меняется на месте и координата не возвращается: x сдвинут на −eps после вызова"
HINTS = (
    "Напечатайте x до и после вызова numerical_gradient: совпадают ли они?",
    "После x[i] += eps и x[i] -= 2·eps координата равна x[i] − eps, и следующие координаты "
    "дифференцируются уже в сдвинутой точке.",
    "Либо верните x[i] на исходное значение после двух вычислений f, либо сдвигайте копию: f(x + шаг).",
)


def numerical_gradient(f, x, eps=1e-6):
    flat = x.detach().view(-1)
    grad = torch.zeros_like(flat)
    for i in range(flat.numel()):
        flat[i] += eps
        plus = f(x.detach()).item()
        flat[i] -= 2 * eps
        minus = f(x.detach()).item()
        grad[i] = (plus - minus) / (2 * eps)
    return grad.reshape(x.shape)
