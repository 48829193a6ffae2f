"""Drivers of exercise 18: load weights into the student's CNN by position and run it.

The student's network may be a class with named layers or an ``nn.Sequential``: the
parameter names differ, the order (conv1.weight, conv1.bias, conv2.weight, conv2.bias,
fc.weight, fc.bias) does not. The driver converts the module to float64 on the
grading device, copies the check's weights in that order and runs forward and backward.
"""


def describe_model(module):
    """Whether ``module`` is an nn.Module, and the shapes of its parameters in order."""
    import torch

    if not isinstance(module, torch.nn.Module):
        return {"is_module": False, "type": type(module).__name__, "shapes": [], "names": []}
    named = list(module.named_parameters())
    return {"is_module": True, "type": type(module).__name__,
            "shapes": [list(p.shape) for _, p in named], "names": [name for name, _ in named]}


def cnn_forward_backward(module, weights, x, grad_output):
    """Copy ``weights`` (a dict of arrays, in parameter order) into the parameters by position,
    run ``module(x)`` and backpropagate ``grad_output``.

    Returns the output, the gradient with respect to the input and the parameters'
    gradients in order.
    """
    import numpy as np
    import torch

    weights = [torch.tensor(np.array(w), dtype=torch.float64, device=x.device) for w in weights.values()]

    if not isinstance(module, torch.nn.Module):
        raise TypeError(f"SmallCNN — это {type(module).__name__}, а нужен подкласс torch.nn.Module")
    params = list(module.parameters())
    if len(params) != len(weights):
        raise ValueError(f"у модели {len(params)} тензоров параметров, а в архитектуре их {len(weights)}")
    for i, (p, w) in enumerate(zip(params, weights, strict=True)):
        if tuple(p.shape) != tuple(w.shape):
            raise ValueError(f"параметр №{i + 1}: форма {tuple(p.shape)}, а по архитектуре {tuple(w.shape)}")
    module.to(device=x.device, dtype=torch.float64)
    params = list(module.parameters())
    with torch.no_grad():
        for p, w in zip(params, weights, strict=True):
            p.copy_(w)
    module.zero_grad(set_to_none=True)
    x = x.detach().clone().requires_grad_(True)
    output = module(x)
    if not isinstance(output, torch.Tensor) or tuple(output.shape) != tuple(grad_output.shape):
        shape = tuple(output.shape) if isinstance(output, torch.Tensor) else type(output).__name__
        raise ValueError(f"выход модели: {shape}, а ожидался тензор формы {tuple(grad_output.shape)}")
    output.backward(grad_output)
    return {"output": output, "input_grad": x.grad, "grads": [p.grad for p in params]}
