"""Wrong variant of exercise 31: the inner derivative β of σ(βx) is dropped in dy/dx."""

PART = "SwishFunction"
TITLE = "в dy/dx потерян множитель β от внутренней функции βx: σ(βx) + x·σ'(βx)"
HINTS = (
    "При β = 1 ваш ответ верен. Проверьте β = 2: совпадает ли x.grad с autograd выражения x·σ(βx)?",
    "σ(βx) — сложная функция: d/dx σ(βx) = σ'(βx)·β (цепное правило).",
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
        ds = s * (1 - s)
        grad_beta = (grad_output * x * x * ds).sum_to_size(beta.shape)
        return grad_output * (s + x * ds), grad_beta
