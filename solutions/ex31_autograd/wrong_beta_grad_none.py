"""Wrong variant of exercise 31: backward returns None for β, as if β were a constant."""

PART = "SwishFunction"
TITLE = "backward возвращает None вместо градиента по β: β не обучается"
HINTS = (
    "backward возвращает по одному градиенту на каждый аргумент forward. Что получит β.grad?",
    "None означает «по этому входу градиента нет», и β, хоть и requires_grad=True, не обучится.",
    "dy/dβ = x²·σ(βx)(1 − σ(βx)); умножьте на grad_output и просуммируйте до формы β.",
)


class SwishFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, beta):
        s = torch.sigmoid(beta * x)
        ctx.save_for_backward(x, beta, s)
        return x * s

    @staticmethod
    def backward(ctx, grad_output):
        x, beta, s = ctx.saved_tensors
        return grad_output * (s + beta * x * s * (1 - s)), None
