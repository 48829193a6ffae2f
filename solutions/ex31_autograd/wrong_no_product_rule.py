"""Wrong variant of exercise 31: dy/dx taken as σ(βx), as if σ(βx) did not depend on x."""

PART = "SwishFunction"
TITLE = "dy/dx = σ(βx): забыто правило произведения (x·σ(βx) — произведение двух функций от x)"
HINTS = (
    "y = x·σ(βx): от x зависят оба множителя. Сколько слагаемых даёт производная произведения?",
    "(u·v)' = u'·v + u·v', и v = σ(βx) тоже нужно продифференцировать по x.",
    "dy/dx = σ(βx) + x·β·σ(βx)(1 − σ(βx)).",
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
        grad_beta = (grad_output * x * x * s * (1 - s)).sum_to_size(beta.shape)
        return grad_output * s, grad_beta
