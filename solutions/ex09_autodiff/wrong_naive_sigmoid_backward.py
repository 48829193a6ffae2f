"""Wrong variant of exercise 9: the backward computes exp(x) / (1 + exp(x)), NaN for large x."""

PART = "SoftplusFunction"
TITLE = "производная как exp(x) / (1 + exp(x)): при x = 1000 получается inf / inf = NaN"
HINTS = (
    "Вызовите backward при x = 1000: конечен ли градиент?",
    "Производная верна математически, но exp(1000) = inf, и отношение inf / inf не определено. "
    "Запишите то же число так, чтобы ничего не переполнялось.",
    "e^x / (1 + e^x) — это сигмоида; torch.sigmoid(x) (или 1 / (1 + e^−x) с разбором знака x) устойчива.",
)


class SoftplusFunction(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return torch.clamp(x, min=0) + torch.log1p(torch.exp(-torch.abs(x)))

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        e = torch.exp(x)
        return grad_output * e / (1 + e)
