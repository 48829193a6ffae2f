"""Drivers of exercise 37: call the student's dropout with a generator, and watch MC-dropout passes.

``with_generator`` seeds the global torch RNG with ``global_seed`` (so that a solution that
ignores the generator is still deterministic, and its mistake can be replayed), builds a
``torch.Generator`` on the input's device from ``seed`` and calls the student's function.

``mc_run`` builds a small float64 network with BatchNorm and two ``nn.Dropout`` layers (one
nested in a submodule), puts it in eval mode, records the modes of its modules and its
output at every forward pass, and calls the student's ``mc_predict`` on it. It returns the
student's answer with what it saw, as plain data.
"""


def with_generator(function, seed, global_seed, x, *args):
    """``function(x, *args, generator)`` with a generator on ``x.device`` seeded with ``seed``."""
    import torch

    torch.manual_seed(global_seed)
    generator = torch.Generator(device=x.device).manual_seed(int(seed))
    return function(x, *args, generator)


def _network(features, hidden, outputs, p, device):
    import torch
    from torch import nn

    model = nn.Sequential(
        nn.Linear(features, hidden), nn.BatchNorm1d(hidden), nn.ReLU(), nn.Dropout(p),
        nn.Sequential(nn.Linear(hidden, hidden), nn.Tanh(), nn.Dropout(p)),
        nn.Linear(hidden, outputs),
    ).to(device=device, dtype=torch.float64)
    norm = model[1]
    with torch.no_grad():  # running statistics unlike a fresh layer's, so that train/eval BatchNorm differ
        norm.running_mean.uniform_(-0.5, 0.5)
        norm.running_var.uniform_(0.5, 2.0)
    return model.eval()


def _modes(model):
    return {name or "model": bool(module.training) for name, module in model.named_modules()}


def mc_run(function, seed, x, samples, sizes, p):
    """Build the network (seeded), call ``function(model, x, samples)`` and report what happened."""
    import torch

    torch.manual_seed(int(seed))
    model = _network(x.shape[1], sizes[0], sizes[1], p, x.device)
    buffers = {name: b.detach().clone() for name, b in model.named_buffers()}
    before = _modes(model)
    seen_modes, seen_outputs, seen_grad = [], [], []

    def pre_hook(module, inputs):
        seen_modes.append(_modes(module))

    def hook(module, inputs, output):
        seen_outputs.append(output.detach().clone())
        seen_grad.append(bool(output.requires_grad))

    model.register_forward_pre_hook(pre_hook)
    model.register_forward_hook(hook)
    result = function(model, x, samples)
    changed = sorted(name for name, b in model.named_buffers() if not torch.equal(b, buffers[name]))
    stacked = torch.stack(seen_outputs) if seen_outputs else torch.zeros(0, device=x.device)
    return {"result": result, "outputs": stacked, "modes": seen_modes, "grad": seen_grad,
            "before": before, "after": _modes(model), "changed_buffers": changed}
