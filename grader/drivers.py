"""Trusted drivers: code of ours that runs inside the worker to exercise a student's object.

Exercises whose answer is a class, an ``nn.Module`` or a training function cannot be
checked through plain function calls alone: something has to load weights into the
student's module, run it forward and backward, and read the gradients. A driver does
that next to the student's object and returns plain data only; the comparison with the
oracle happens in the parent.

Integrity: a driver shares its process with the student's code, so what it reports is
only as trustworthy as that process. A submission that patches torch could make a
driver report forged numbers, but no more than a function returning forged numbers: the
inputs and the expected values stay in the parent, so forging a pass still means
computing the right answer. Facts observed only inside the worker (e.g. "zero_grad was
called") are attested by the worker and could be forged by a determined cheater.

Loaded by file path (like ``wire.py``); imports torch lazily.
"""


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
