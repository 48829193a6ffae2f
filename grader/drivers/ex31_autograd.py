"""Trusted code for exercise 31: the torch functions a student differentiates, and drivers.

Part 31.1 receives ``f`` from a factory here (``Helper("quadratic", (seed, shape))``): a
plain Python function of one float64 tensor that returns a 0-d tensor. Its parameters come
from ``parameters`` (NumPy only, rebuilt by the checks module for the autograd oracle). Every
``f`` refuses an argument of the wrong shape, dtype or device, or one that requires grad (the
part is about finite differences, not autograd).

Part 31.2 is applied through ``apply_swish`` and ``gradcheck_swish``; part 31.3 is traced by
``traced_microbatch``, which records the micro-batch sizes the loss is called with. torch is
imported inside the functions: this module is loaded by path in the worker.
"""

import numpy as np


def parameters(name, seed, shape):
    """The arrays that define function ``name`` for inputs of ``shape`` (shared with the oracle)."""
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape))
    if name == "quadratic":
        q, _ = np.linalg.qr(rng.normal(size=(size, size)))
        return {"A": (q * rng.uniform(20.0, 80.0, size=size)) @ q.T, "b": rng.normal(size=size)}
    if name == "sin_poly":
        return {"c": rng.uniform(0.5, 2.0, size=shape)}
    return {}


def _guard(x, shape):
    import torch

    if not isinstance(x, torch.Tensor):
        raise TypeError(f"f ожидает torch.Tensor, а получила {type(x).__name__}")
    if tuple(x.shape) != tuple(shape):
        raise ValueError(f"f ожидает тензор формы {tuple(shape)} (как x), а получила форму {tuple(x.shape)}")
    if x.dtype != torch.float64:
        raise ValueError(f"f ожидает тензор float64, а получила {x.dtype}")
    if x.requires_grad:
        raise ValueError("f получила тензор с requires_grad=True: численный градиент считается без autograd")


def quadratic(seed, shape):
    """f(x) = 1/2 vec(x)ᵀ A vec(x) + bᵀ vec(x), A symmetric with eigenvalues in [20, 80]."""
    import torch

    p = parameters("quadratic", seed, shape)

    def f(x):
        _guard(x, shape)
        A = torch.tensor(p["A"], dtype=torch.float64, device=x.device)
        b = torch.tensor(p["b"], dtype=torch.float64, device=x.device)
        v = x.reshape(-1)
        return 0.5 * v @ A @ v + b @ v

    return f


def sin_poly(seed, shape):
    """f(x) = Σ c·sin(x)·x² with positive weights c (a non-quadratic function: its f''' is not zero)."""
    import torch

    p = parameters("sin_poly", seed, shape)

    def f(x):
        _guard(x, shape)
        c = torch.tensor(p["c"], dtype=torch.float64, device=x.device)
        return (c * torch.sin(x) * x ** 2).sum()

    return f


def traced_gradient(numerical_gradient, f, x, eps):
    """Run the student's ``numerical_gradient`` and report whether ``x`` survived it unchanged."""
    import torch

    original = x.detach().clone()
    gradient = numerical_gradient(f, x, eps=eps)
    unchanged = bool(torch.equal(x.detach(), original))
    return {"gradient": gradient, "unchanged": unchanged}


# -- 31.2 ------------------------------------------------------------------------------------


def apply_swish(function_class, x, beta, grad_output, beta_requires_grad=True):
    """``y = function_class.apply(x, beta)``, then ``y.backward(grad_output)`` on fresh leaf copies.

    Returns y, x.grad, beta.grad and flags: is it a ``torch.autograd.Function``, is y's
    ``grad_fn`` a custom Function's node, how many tensors it saved with
    ``ctx.save_for_backward``, and do y and x.grad keep x's device, dtype and shape.
    """
    import torch

    is_function = isinstance(function_class, type) and issubclass(function_class, torch.autograd.Function)
    x = x.detach().clone().requires_grad_(True)
    beta = beta.detach().clone().requires_grad_(bool(beta_requires_grad))
    y = function_class.apply(x, beta)
    node = getattr(y, "grad_fn", None)
    custom = isinstance(node, torch.autograd.function.BackwardCFunction)
    saved = len(node.saved_tensors) if custom else 0
    y.backward(grad_output)
    keeps = all(isinstance(t, torch.Tensor) and t.device == x.device and t.dtype == x.dtype and t.shape == x.shape
                for t in (y, x.grad))
    return {"y": y.detach(), "x_grad": x.grad, "beta_grad": beta.grad, "is_function": is_function,
            "custom_node": custom, "saved": saved, "keeps_device_dtype_shape": keeps}


def gradcheck_swish(function_class, x, beta):
    """Whether ``torch.autograd.gradcheck`` accepts ``function_class.apply`` at (x, beta), both with grad."""
    import torch

    x = x.detach().clone().requires_grad_(True)
    beta = beta.detach().clone().requires_grad_(True)
    return bool(torch.autograd.gradcheck(function_class.apply, (x, beta), eps=1e-6, atol=1e-5, rtol=1e-3,
                                         raise_exception=False))


# -- 31.3 ------------------------------------------------------------------------------------


def _regression_loss(w, xb, yb):
    """loss_fn(w, xb, yb) = mean over the rows of Σ_k (tanh(xb @ w) − yb)²_k: a mean over examples."""
    import torch

    if xb.shape[0] != yb.shape[0] or xb.shape[0] == 0:
        raise ValueError(f"loss_fn: xb и yb должны быть непустыми и одной длины, а их формы "
                         f"{tuple(xb.shape)} и {tuple(yb.shape)}")
    return ((torch.tanh(xb @ w) - yb) ** 2).sum(dim=1).mean()


def traced_microbatch(microbatch_gradient, w, x, y, micro_batch):
    """Run the student's ``microbatch_gradient`` with a loss that records the rows of each call.

    Returns the gradient, the list of first-row indices and sizes of the micro-batches
    (matched to x's rows by value), and whether the input ``w`` was left without grad.
    """
    import torch

    chunks = []

    def loss_fn(w_, xb, yb):
        start = -1
        for i in range(x.shape[0] - xb.shape[0] + 1):
            if torch.equal(x[i:i + xb.shape[0]], xb.detach()):
                start = i
                break
        chunks.append([start, int(xb.shape[0])])
        return _regression_loss(w_, xb, yb)

    gradient = microbatch_gradient(loss_fn, w, x, y, micro_batch)
    untouched = w.grad is None and not w.requires_grad
    return {"gradient": gradient, "chunks": chunks, "input_untouched": bool(untouched)}
