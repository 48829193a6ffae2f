"""Drivers for exercises whose answer is an ``nn.Module``."""


def module_forward_backward(module, state, x, grad_output):
    """Load ``state`` into ``module``, run it on ``x`` and backpropagate ``grad_output``.

    Returns the output and the gradient of every parameter, by name.
    """
    import torch

    module.load_state_dict(state, strict=True)
    module.zero_grad(set_to_none=True)
    x = x.detach().requires_grad_(True)
    output = module(x)
    output.backward(grad_output)
    grads = {name: p.grad for name, p in module.named_parameters()}
    return {"output": output, "input_grad": x.grad, "grads": grads,
            "parameters": sorted(name for name, _ in module.named_parameters()),
            "training": bool(module.training), "is_module": isinstance(module, torch.nn.Module)}
