"""Alternative for exercise 35: other but equivalent formulas (erfc, expm1, softplus via LogSigmoid)."""

import math

import torch


def gelu_and_grad(x, grad_output, approximate="none"):
    if approximate == "none":
        cdf = 0.5 * torch.erfc(-x * math.sqrt(0.5))  # Phi(x) through the complementary error function
        density = math.exp(-0.5 * math.log(2.0 * math.pi)) * torch.exp(-x.square() / 2)
        return x * cdf, grad_output * (cdf + x * density)
    if approximate != "tanh":
        raise ValueError(approximate)
    k = 0.044715
    c = (2.0 / math.pi) ** 0.5
    # 1 + tanh(u) = 2 sigmoid(2u): the tanh form written with a sigmoid
    s = torch.sigmoid(2.0 * c * (x + k * x.pow(3)))
    du = c * (1.0 + 3.0 * k * x.square())
    return x * s, grad_output * (s + x * 2.0 * s * (1.0 - s) * du)


def silu_and_grad(x, grad_output):
    s = 1.0 / (1.0 + torch.exp(-x.clamp(min=-700.0)))  # clamp keeps exp finite; sigmoid(-700) ~ 1e-304
    s = torch.where(x < -700.0, torch.zeros_like(x), s)
    out = x * s
    return out, grad_output * (out + s * (1.0 - out))  # SiLU' = SiLU + sigmoid (1 - SiLU)


def elu_and_grad(x, grad_output, alpha=1.0):
    negative_part = alpha * torch.expm1(torch.minimum(x, torch.zeros_like(x)))
    out = torch.where(x > 0, x, negative_part)
    grad = torch.where(x > 0, grad_output, grad_output * (negative_part + alpha))  # ELU' = ELU + alpha for x <= 0
    return out, grad


def _log_sigmoid(z):
    return -(torch.relu(-z) + torch.log1p(torch.exp(-z.abs())))


def softplus_and_grad(x, grad_output, beta=1.0, threshold=20.0):
    z = x * beta
    keep = z <= threshold
    smooth = -_log_sigmoid(-z) / beta  # softplus(z) = -log sigmoid(-z)
    slope = torch.exp(_log_sigmoid(z))  # sigmoid(z)
    return torch.where(keep, smooth, x), torch.where(keep, grad_output * slope, grad_output)


def logsigmoid_and_grad(x, grad_output):
    out = _log_sigmoid(x)
    return out, grad_output * -torch.expm1(out)  # 1 - sigmoid(x) = 1 - exp(logsigmoid(x))
