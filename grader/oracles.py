"""Oracles: PyTorch computes, in float64 and at grade time, what a correct answer is.

torch is imported inside each function, so that importing this module (and the checks
modules that use it) stays cheap for commands that do not grade.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def warm_up() -> None:
    """Import torch now (the engine calls this while the worker starts)."""
    import torch

    torch.set_num_threads(1)


def tensor(array: np.ndarray, requires_grad: bool = False) -> Any:
    """A float64 (or integer) tensor with its own copy of ``array``'s data."""
    import torch

    return torch.tensor(np.array(array), requires_grad=requires_grad)


def softmax(logits: np.ndarray) -> np.ndarray:
    import torch

    return torch.softmax(tensor(logits), dim=-1).numpy()


def cross_entropy(logits: np.ndarray, targets: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean cross-entropy and its gradient with respect to the logits (autograd)."""
    import torch.nn.functional as F

    z = tensor(logits, requires_grad=True)
    loss = F.cross_entropy(z, tensor(targets).long())
    loss.backward()
    return float(loss), z.grad.numpy()


def conv2d(x: np.ndarray, weight: np.ndarray, bias: np.ndarray | None, **options: Any) -> np.ndarray:
    import torch.nn.functional as F

    b = None if bias is None else tensor(bias)
    return F.conv2d(tensor(x), tensor(weight), b, **options).numpy()


def conv_output_size(size: int, kernel_size: int, stride: int, padding: int, dilation: int) -> int:
    """The output length of a real convolution over zeros."""
    import torch
    import torch.nn.functional as F

    out = F.conv1d(torch.zeros(1, 1, size), torch.zeros(1, 1, kernel_size),
                   stride=stride, padding=padding, dilation=dilation)
    return int(out.shape[-1])


def max_pool2d(x: np.ndarray, **options: Any) -> np.ndarray:
    import torch.nn.functional as F

    return F.max_pool2d(tensor(x), **options).numpy()


def lstm_cell(x: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray, W_ih: np.ndarray, W_hh: np.ndarray,
              b_ih: np.ndarray, b_hh: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``nn.LSTMCell`` with the given weights copied in."""
    import torch

    with torch.no_grad():
        h, c = _lstm_cell_module(W_ih, W_hh, b_ih, b_hh)(tensor(x), (tensor(h_prev), tensor(c_prev)))
    return h.numpy(), c.numpy()


def lstm_sequence(x: np.ndarray, h0: np.ndarray, c0: np.ndarray, W_ih: np.ndarray, W_hh: np.ndarray,
                  b_ih: np.ndarray, b_hh: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A one-layer ``nn.LSTM`` (sequence first) with the given weights copied in."""
    import torch

    lstm = torch.nn.LSTM(x.shape[2], h0.shape[1], dtype=torch.float64)
    _copy_parameters(lstm, weight_ih_l0=W_ih, weight_hh_l0=W_hh, bias_ih_l0=b_ih, bias_hh_l0=b_hh)
    with torch.no_grad():
        output, (h_n, c_n) = lstm(tensor(x), (tensor(h0)[None], tensor(c0)[None]))
    return output.numpy(), h_n[0].numpy(), c_n[0].numpy()


def lstm_cell_gradients(x: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray, W_ih: np.ndarray,
                        W_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray, dh: np.ndarray,
                        dc: np.ndarray) -> tuple[np.ndarray, ...]:
    """Autograd through ``nn.LSTMCell``: gradients of sum(h*dh) + sum(c*dc), in argument order."""
    cell = _lstm_cell_module(W_ih, W_hh, b_ih, b_hh)
    x_, h_, c_ = (tensor(a, requires_grad=True) for a in (x, h_prev, c_prev))
    h, c = cell(x_, (h_, c_))
    ((h * tensor(dh)).sum() + (c * tensor(dc)).sum()).backward()
    grads = (x_.grad, h_.grad, c_.grad, cell.weight_ih.grad, cell.weight_hh.grad, cell.bias_ih.grad,
             cell.bias_hh.grad)
    return tuple(g.numpy() for g in grads)


def _lstm_cell_module(W_ih: np.ndarray, W_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray) -> Any:
    import torch

    cell = torch.nn.LSTMCell(W_ih.shape[1], W_hh.shape[1], dtype=torch.float64)
    _copy_parameters(cell, weight_ih=W_ih, weight_hh=W_hh, bias_ih=b_ih, bias_hh=b_hh)
    return cell


def _copy_parameters(module: Any, **arrays: np.ndarray) -> None:
    import torch

    with torch.no_grad():
        for name, array in arrays.items():
            getattr(module, name).copy_(tensor(array))
