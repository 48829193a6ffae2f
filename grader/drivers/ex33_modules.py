"""Trusted drivers for exercise 33: build the student's modules, inspect their registries, run them.

Every driver receives the student's class (``Defined``), constructs it, converts it with
``.to(device=x.device, dtype=torch.float64)`` and returns plain data: names, shapes, flags and
tensors. The models for ``count_parameters`` are built here from a spec (``build_model``) and
the checks module rebuilds the expected count from the same spec by formula. torch is imported
inside the functions: this module is loaded by path in the worker.
"""


def _registries(module):
    return {"parameters": [[n, list(p.shape)] for n, p in module.named_parameters()],
            "buffers": sorted(n for n, _ in module.named_buffers()),
            "state_keys": sorted(module.state_dict().keys()),
            "is_module": True}


def describe_mlp(mlp_class, sizes, activation, dropout):
    """Names and shapes of the MLP's parameters, its buffers and its state_dict keys."""
    import torch

    module = mlp_class(list(sizes), activation, dropout)
    if not isinstance(module, torch.nn.Module):
        return {"is_module": False, "type": type(module).__name__}
    return _registries(module)


def run_mlp(mlp_class, sizes, activation, dropout, state, x, mode, seed):
    """Build the MLP, load ``state`` (strict) on x's device in float64, run it in ``mode``.

    Returns the output and whether every submodule's ``training`` flag agrees with the mode.
    ``seed`` fixes torch's generator before the forward pass (dropout masks reproducible).
    """
    import numpy as np
    import torch

    module = mlp_class(list(sizes), activation, dropout)
    module.to(device=x.device, dtype=torch.float64)
    module.load_state_dict({k: torch.tensor(np.array(v), dtype=torch.float64, device=x.device)
                            for k, v in state.items()}, strict=True)
    module.train(mode == "train")
    torch.manual_seed(int(seed))
    output = module(x)
    flags = all(m.training == (mode == "train") for m in module.modules())
    return {"output": output.detach(), "flags_follow_mode": bool(flags)}


def run_standardizer(standardizer_class, num_features, batches, x_eval):
    """Train-mode passes over ``batches``, then the buffers, an eval pass, and a state_dict round trip.

    Returns the train outputs, the buffers after training, the eval output, whether the eval
    pass left the buffers alone, and the eval output of a fresh module after
    ``load_state_dict(state_dict())``.
    """
    import torch

    module = standardizer_class(int(num_features))
    if not isinstance(module, torch.nn.Module):
        raise TypeError(f"RunningStandardizer — это {type(module).__name__}, а нужен подкласс torch.nn.Module")
    module.to(device=x_eval.device, dtype=torch.float64)
    module.train()
    outputs = [module(b).detach().clone() for b in batches]
    state = {k: v.detach().clone() for k, v in module.state_dict().items()}
    buffers = {n: b.detach().clone() for n, b in module.named_buffers()}
    module.eval()
    eval_output = module(x_eval).detach().clone()
    after = {n: b.detach().clone() for n, b in module.named_buffers()}
    untouched = all(torch.equal(buffers[n], after[n]) for n in buffers)
    fresh = standardizer_class(int(num_features))
    fresh.to(device=x_eval.device, dtype=torch.float64)
    fresh.load_state_dict(state, strict=True)
    fresh.eval()
    return {"train_outputs": outputs, "buffer_values": buffers, "eval_output": eval_output,
            "eval_keeps_buffers": bool(untouched), "reloaded_output": fresh(x_eval).detach(),
            "buffer_dtypes": sorted({str(b.dtype) for b in buffers.values()}),
            **_registries(module)}


def describe_standardizer(standardizer_class, num_features):
    """Registries of a fresh RunningStandardizer and its buffers' dtypes after ``.double()``."""
    import torch

    module = standardizer_class(int(num_features))
    if not isinstance(module, torch.nn.Module):
        return {"is_module": False, "type": type(module).__name__}
    info = _registries(module)
    module.double()
    info["double_dtypes"] = {n: str(b.dtype) for n, b in module.named_buffers()}
    info["values"] = {n: b.detach().clone() for n, b in module.named_buffers()}
    return info


# -- 33.3 ------------------------------------------------------------------------------------


def build_model(spec):
    """A small language-model-like network: Embedding → Linear → BatchNorm1d → ReLU → Linear → output.

    spec: {"vocab", "dim", "hidden", "tied" (output weight is the embedding's), "frozen"
    (the embedding does not train), "frozen_head" (the first Linear does not train)}.
    """
    import torch
    from torch import nn

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(spec["vocab"], spec["dim"])
            self.body = nn.Sequential(nn.Linear(spec["dim"], spec["hidden"]), nn.BatchNorm1d(spec["hidden"]),
                                      nn.ReLU(), nn.Linear(spec["hidden"], spec["dim"]))
            self.output = nn.Linear(spec["dim"], spec["vocab"], bias=False)
            if spec["tied"]:
                self.output.weight = self.embedding.weight
            if spec["frozen"]:
                self.embedding.weight.requires_grad_(False)
            if spec["frozen_head"]:
                self.body[0].requires_grad_(False)

        def forward(self, tokens):
            return self.output(self.body(self.embedding(tokens)))

    with torch.device("meta"):  # shapes only: no memory for the weights
        return Model()


def count_on(count_parameters, spec, trainable_only):
    """The student's ``count_parameters`` on the model built from ``spec``."""
    return count_parameters(build_model(spec), trainable_only)
