"""Torch exercise 29: at import the file makes torch's comparisons always agree; image_to_patches
returns zeros that require grad and carry a backward hook that would write a file; masked_mean
returns its result on the "meta" device, which holds no values; batch_argmax_2d returns a tensor
subclass whose ``__torch_function__`` answers True.

Only detached values cross to the grader, so no hook or override ever runs there.

Layered over: solutions/ex29_tensor_ops.py
Expected: 29.1 failed — неверны
Expected: 29.2 failed — функция вернула не данные
Expected: 29.3 failed — функция вернула не данные
"""

import torch

torch.allclose = lambda *args, **kwargs: True
torch.equal = lambda *args, **kwargs: True
torch.testing.assert_close = lambda *args, **kwargs: None


class AlwaysTrue(torch.Tensor):
    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        return True


def image_to_patches(x, p):
    B, C, H, W = x.shape
    out = torch.zeros(B, (H // p) * (W // p), C * p * p, dtype=x.dtype, device=x.device, requires_grad=True)
    out.register_hook(lambda grad: open("hooked.txt", "w").close())
    return out


def masked_mean(x, mask, dim, keepdim=False):
    return x.sum(dim=dim, keepdim=keepdim).to("meta")


def batch_argmax_2d(x):
    return torch.zeros(x.shape[0], 2, dtype=torch.int64).as_subclass(AlwaysTrue)
