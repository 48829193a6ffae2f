"""Exercise 31: autograd in PyTorch — a numerical gradient, a custom Function and gradient accumulation.

Everything is torch code in float64 and must run on whatever device the inputs are on
(the grader uses the CPU and, where there is one, a GPU): create new tensors with
``device=x.device`` (or ``torch.zeros_like``) and never call ``.cpu()`` / ``.cuda()``.

31.1 ``numerical_gradient`` — the gradient of a scalar torch function by central differences.
31.2 ``SwishFunction`` — Swish (SiLU with a parameter) x·σ(βx) as a ``torch.autograd.Function``
     with its own ``backward``, differentiable in both x and β.
31.3 ``microbatch_gradient`` — the gradient of a mean loss over a large batch, accumulated in
     ``.grad`` over micro-batches.

Forbidden: ``silu``/``SiLU`` (torch.nn.functional.silu, nn.SiLU) — the point of 31.2 is to
write the derivative yourself.
"""

import torch


def numerical_gradient(f, x, eps=1e-6):
    """The gradient of ``f`` at ``x`` by central differences, coordinate by coordinate.

    ``f``: a function of one tensor of x's shape (float64, on x's device) that returns a 0-d
    tensor; it refuses tensors with ``requires_grad=True`` (no autograd in this part).
    ``x``: float64 tensor of any shape (0-d included). ``eps``: the step.

    Returns a float64 tensor ``g`` of x's shape on x's device with
    g[i] = (f(x + eps·e_i) − f(x − eps·e_i)) / (2·eps), where e_i is the i-th unit tensor.
    ``x`` must be unchanged when the function returns.
    """
    x = x.detach()
    grad = torch.zeros(x.numel(), dtype=torch.float64, device=x.device)
    for i in range(x.numel()):
        step = torch.zeros(x.numel(), dtype=torch.float64, device=x.device)
        step[i] = eps
        step = step.reshape(x.shape)
        grad[i] = (f(x + step) - f(x - step)) / (2 * eps)
    return grad.reshape(x.shape)


class SwishFunction(torch.autograd.Function):
    """y = x · σ(β·x) with a learnable β, as a ``torch.autograd.Function``.

    ``SwishFunction.apply(x, beta)``: ``x`` a float64 tensor of any shape; ``beta`` a float64
    tensor that broadcasts against x (0-d, or of shape (D,) for x of shape (..., D)).
    ``forward(ctx, x, beta)`` returns y of x's shape and saves what backward needs with
    ``ctx.save_for_backward``. ``backward(ctx, grad_output)`` returns (dL/dx, dL/dβ):
    dy/dx = σ(βx) + βx·σ(βx)(1 − σ(βx)) and dy/dβ = x²·σ(βx)(1 − σ(βx)); dL/dβ is summed
    over the broadcast dimensions down to β's shape. Must stay finite for |βx| up to 1000.
    """

    @staticmethod
    def forward(ctx, x, beta):
        s = torch.sigmoid(beta * x)
        ctx.save_for_backward(x, beta, s)
        return x * s

    @staticmethod
    def backward(ctx, grad_output):
        x, beta, s = ctx.saved_tensors
        ds = s * (1 - s)  # σ'(βx)
        grad_x = grad_output * (s + beta * x * ds)
        grad_beta = grad_output * x * x * ds
        # β was broadcast over x: sum the gradient over the dimensions it was repeated along
        grad_beta = grad_beta.sum_to_size(beta.shape) if beta.dim() > 0 else grad_beta.sum()
        return grad_x, grad_beta


def microbatch_gradient(loss_fn, w, x, y, micro_batch):
    """The gradient of the full-batch loss, accumulated in ``.grad`` micro-batch by micro-batch.

    ``loss_fn(w, xb, yb)`` returns the MEAN loss over the rows of xb (a 0-d tensor).
    ``w``: float64 tensor (the weights, without grad); ``x``: (N, D) float64; ``y``: (N, K) float64;
    ``micro_batch``: int >= 1, the largest number of rows one call of loss_fn may see.

    Split the rows in order into chunks x[0:m], x[m:2m], ... (the last one may be shorter),
    call ``backward()`` once per chunk so that the gradients add up in ``.grad`` of a leaf
    copy of w, and scale each chunk's loss so that the sum equals the gradient of
    loss_fn(w, x, y) over all N rows. Returns that gradient: float64, w's shape and device.
    The input ``w`` itself must not get ``requires_grad`` or ``.grad``.
    """
    w = w.detach().clone().requires_grad_(True)
    n = x.shape[0]
    for start in range(0, n, micro_batch):
        xb, yb = x[start:start + micro_batch], y[start:start + micro_batch]
        loss = loss_fn(w, xb, yb) * (xb.shape[0] / n)  # the chunk's share of the full mean
        loss.backward()  # adds this chunk's gradient to w.grad
    return w.grad
