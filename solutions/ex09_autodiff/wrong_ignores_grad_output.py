"""Wrong variant of exercise 9: backward returns the local derivative and ignores grad_output."""

PART = "SoftplusFunction"
TITLE = "backward возвращает sigmoid(x) и не умножает на grad_output"
HINTS = (
    "Что должен вернуть backward, если потеря — 5 * softplus(x).sum()? Меняется ли ваш ответ?",
    "backward получает grad_output = dL/dy и должен вернуть dL/dx = dL/dy · dy/dx — "
    "векторно-якобиево произведение, а не саму производную.",
    "Умножьте локальную производную sigmoid(x) поэлементно на grad_output.",
)


class SoftplusFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.clamp(x, min=0) + torch.log1p(torch.exp(-torch.abs(x)))

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return torch.sigmoid(x)
