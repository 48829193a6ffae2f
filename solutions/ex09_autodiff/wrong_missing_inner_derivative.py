"""Wrong variant of exercise 9: d log(1 + e^x)/dx written as 1 / (1 + e^x), the inner e^x forgotten."""

PART = "SoftplusFunction"
TITLE = "в производной забыта внутренняя функция: 1 / (1 + e^x) вместо e^x / (1 + e^x)"
HINTS = (
    "softplus возрастает, значит её производная должна расти с x от 0 до 1. Растёт ли ваша?",
    "Производная log(u) равна u′ / u; здесь u = 1 + e^x, и u′ = e^x не равна единице.",
    "d/dx log(1 + e^x) = e^x / (1 + e^x) = sigmoid(x), а 1 / (1 + e^x) = sigmoid(−x).",
)


class SoftplusFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.clamp(x, min=0) + torch.log1p(torch.exp(-torch.abs(x)))

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * torch.sigmoid(-x)
