"""Exercise 35: modern activation functions in PyTorch, forward and backward by hand (topic 35).

Each part is one activation: a function that takes the input ``x`` and the upstream gradient
``grad_output`` (both float64 tensors of the same, arbitrary shape, on the same device) and
returns the pair ``(out, grad_input)``: the activation applied elementwise, and the gradient
of the loss with respect to ``x``, i.e. ``grad_output * f'(x)``. The grader compares both with
``torch.nn.functional`` and autograd in float64, on CPU and (where there is one) on the GPU.

Rules:
- write the formulas with elementary torch operations (``torch.exp``, ``torch.log1p``,
  ``torch.erf``, ``torch.tanh``, ``torch.sigmoid``, ``torch.where``, ``torch.clamp``, ...);
- the functions themselves are forbidden: ``F.gelu``/``nn.GELU``, ``F.silu``, ``F.elu``,
  ``F.softplus``, ``F.logsigmoid``, ``torch.logaddexp`` and friends;
- no autograd for the backward pass (no ``backward``, ``torch.autograd``, ``requires_grad``,
  ``torch.func``): write the derivative yourself;
- results must be float64 tensors on ``x.device`` (never call ``.cpu()``/``.cuda()``) and
  finite for inputs as large as |x| = 1000; do not modify ``x`` or ``grad_output``.

Grade your work with `grade exercise 35` (a single part: `grade exercise 35.4`).
"""

import torch


def gelu_and_grad(x: torch.Tensor, grad_output: torch.Tensor,
                  approximate: str = "none") -> tuple[torch.Tensor, torch.Tensor]:
    """GELU and its input gradient, like ``F.gelu(x, approximate=approximate)``.

    approximate="none": out = x * Phi(x), Phi(x) = (1 + erf(x / sqrt(2))) / 2 (the exact GELU).
    approximate="tanh": out = x/2 * (1 + tanh(sqrt(2/pi) * (x + 0.044715 x^3))).
    x, grad_output: float64 tensors of the same shape. Returns (out, grad_output * GELU'(x)),
    both float64, shaped like x, on x.device.
    """
    raise NotImplementedError("ex35.1: implement gelu_and_grad")


def silu_and_grad(x: torch.Tensor, grad_output: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """SiLU (Swish) and its input gradient, like ``F.silu(x)``: out = x * sigmoid(x).

    Returns (out, grad_output * SiLU'(x)); finite for |x| up to 1000.
    """
    raise NotImplementedError("ex35.2: implement silu_and_grad")


def elu_and_grad(x: torch.Tensor, grad_output: torch.Tensor,
                 alpha: float = 1.0) -> tuple[torch.Tensor, torch.Tensor]:
    """ELU and its input gradient, like ``F.elu(x, alpha=alpha)``.

    out = x where x > 0, alpha * (exp(x) - 1) elsewhere. At x = 0 PyTorch's derivative is
    alpha (the branch x <= 0 is used). Returns (out, grad_output * ELU'(x)).
    """
    raise NotImplementedError("ex35.3: implement elu_and_grad")


def softplus_and_grad(x: torch.Tensor, grad_output: torch.Tensor, beta: float = 1.0,
                      threshold: float = 20.0) -> tuple[torch.Tensor, torch.Tensor]:
    """Softplus and its input gradient, exactly like ``F.softplus(x, beta=beta, threshold=threshold)``.

    out = log(1 + exp(beta * x)) / beta, except where beta * x > threshold (strictly), where
    PyTorch returns x itself (and the derivative is 1). beta > 0. Returns
    (out, grad_output * Softplus'(x)); finite for |x| up to 1000.
    """
    raise NotImplementedError("ex35.4: implement softplus_and_grad")


def logsigmoid_and_grad(x: torch.Tensor, grad_output: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """LogSigmoid and its input gradient, like ``F.logsigmoid(x)``: out = log(sigmoid(x)).

    Must be numerically stable: logsigmoid(-1000) is -1000, not -inf.
    Returns (out, grad_output * LogSigmoid'(x)).
    """
    raise NotImplementedError("ex35.5: implement logsigmoid_and_grad")
