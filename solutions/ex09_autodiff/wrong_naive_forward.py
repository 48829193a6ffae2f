"""Wrong variant of exercise 9: softplus computed literally as log(1 + exp(x))."""

PART = "SoftplusFunction"
TITLE = "softplus по формуле log(1 + exp(x)): переполнение при больших x и потеря точности при x ≈ −50"
HINTS = (
    "Вычислите вашу функцию при x = 1000 и при x = −50 и сравните с 1000 и 1.9e−22.",
    "exp(1000) в float64 равно inf; а 1 + e^−50 округляется до 1, и логарифм даёт ровно 0. "
    "Нужна запись, в которой экспонента не растёт, и логарифм, точный около единицы.",
    "Используйте тождество log(1 + e^x) = max(x, 0) + log(1 + e^−|x|) и torch.log1p.",
)


class SoftplusFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.log(1 + torch.exp(x))

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * torch.sigmoid(x)
