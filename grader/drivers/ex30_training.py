"""Trusted driver of exercise 30: an instrumented model, loader, loss and optimizer for the training loop.

The student's ``train_one_epoch`` and ``evaluate`` receive objects built here, and this
module records what the student's code does with them: every forward pass of the model
(its train/eval mode, whether autograd was recording, the batch size), every call of the
loss, every backward pass through a loss (and whether the parameters' ``.grad`` were
clean at that moment), every ``zero_grad`` and every ``optimizer.step()`` (and whether
the gradients it used were there). It returns these facts and the model's state as plain
data; the checks compare them with their own loop, run in the grading process.

Loaded by path in the worker, and imported by the checks (the oracle builds the same
model) and by the mistake matcher. Imports only the standard library and NumPy at module
level; torch inside functions. No dropout anywhere: every run is deterministic, so the
matcher can replay a catalogued mistake on the CPU and compare.

A model spec is a dict: ``inputs`` (features), ``hidden`` (width of the hidden layer),
``batchnorm`` (a BatchNorm1d after the first Linear) and ``classes``.
"""

import functools

import numpy as np


class Log:
    """What happened to the instrumented objects, in order."""

    def __init__(self):
        self.events = []  # "forward", "loss", "backward", "zero_grad", "step"
        self.forwards = []  # one dict per forward pass of the model
        self.clean = []  # per backward: were all .grad None or zero when it started?
        self.step_grads = []  # per step: did any parameter hold a non-zero gradient?


@functools.lru_cache(maxsize=1)
def _classes():
    import torch
    from torch import nn

    class Net(nn.Module):
        """A small classifier: Linear -> [BatchNorm1d] -> ReLU -> Linear."""

        def __init__(self, layers):
            super().__init__()
            self.layers = layers
            self.log = None

        def forward(self, x):
            return self.layers(x)

        def zero_grad(self, set_to_none=True):
            if self.log is not None:
                self.log.events.append("zero_grad")
            super().zero_grad(set_to_none=set_to_none)

    class RecordingLoss(nn.CrossEntropyLoss):
        """nn.CrossEntropyLoss() (mean over the batch) that notes its calls and the backward passes through it."""

        def __init__(self, log, parameters):
            super().__init__()
            self._log = log
            self._parameters = parameters

        def forward(self, input, target):
            loss = super().forward(input, target)
            self._log.events.append("loss")
            if loss.requires_grad:
                loss.register_hook(self._on_backward)
            return loss

        def _on_backward(self, grad):
            # Runs when backward starts from this loss, before any parameter's .grad is touched.
            self._log.events.append("backward")
            self._log.clean.append(all(p.grad is None or not bool(p.grad.any()) for p in self._parameters))

    class RecordingSGD(torch.optim.SGD):
        """torch.optim.SGD that notes zero_grad and step calls."""

        def __init__(self, params, log, **options):
            super().__init__(params, **options)
            self._log = log

        def zero_grad(self, set_to_none=True):
            self._log.events.append("zero_grad")
            super().zero_grad(set_to_none=set_to_none)

        def step(self, closure=None):
            self._log.events.append("step")
            params = [p for group in self.param_groups for p in group["params"]]
            self._log.step_grads.append(any(p.grad is not None and bool(p.grad.any()) for p in params))
            return super().step(closure)

    return Net, RecordingLoss, RecordingSGD


def build_model(spec, seed):
    """The Net of ``spec`` in float64 on the CPU, in training mode, with weights drawn from ``seed``.

    BatchNorm running statistics are random too (as after some earlier training), so that
    a forward pass in eval mode differs from one in train mode.
    """
    import torch
    from torch import nn

    layers = [nn.Linear(spec["inputs"], spec["hidden"])]
    if spec["batchnorm"]:
        layers.append(nn.BatchNorm1d(spec["hidden"]))
    layers += [nn.ReLU(), nn.Linear(spec["hidden"], spec["classes"])]
    model = _classes()[0](nn.Sequential(*layers)).to(torch.float64)
    generator = torch.Generator().manual_seed(int(seed))
    with torch.no_grad():
        for name, tensor in model.state_dict().items():  # the same storage as the module's tensors
            if not tensor.dtype.is_floating_point:
                continue
            if name.endswith("running_var"):
                tensor.copy_(0.5 + torch.rand(tensor.shape, generator=generator, dtype=torch.float64))
            elif name.endswith("running_mean"):
                tensor.copy_(0.5 * torch.randn(tensor.shape, generator=generator, dtype=torch.float64))
            elif tensor.dim() == 2:  # Linear weights, scaled by the fan-in
                tensor.copy_(torch.randn(tensor.shape, generator=generator, dtype=torch.float64)
                             / tensor.shape[1] ** 0.5)
            else:  # biases and BatchNorm weights
                base = 1.0 if name.endswith("1.weight") and spec["batchnorm"] else 0.0
                tensor.copy_(base + 0.2 * torch.randn(tensor.shape, generator=generator, dtype=torch.float64))
    return model.train()


def _split(x, y, sizes):
    bounds = np.cumsum((0, *sizes))
    return [(x[a:b], y[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _instrument(model, log):
    import torch

    model.log = log

    def on_forward(module, inputs, output):
        modes = {m.training for m in module.modules()}
        log.events.append("forward")
        log.forwards.append({"mode": "train" if modes == {True} else "eval" if modes == {False} else "mixed",
                             "grad": bool(torch.is_grad_enabled()), "batch": int(inputs[0].shape[0])})

    model.register_forward_hook(on_forward)


def _state(model):
    return {name: t.detach().clone() for name, t in model.state_dict().items() if t.dtype.is_floating_point}


def run_train(train_one_epoch, spec, seed, x, y, sizes, lr, momentum):
    """One epoch of the student's ``train_one_epoch`` on an instrumented model handed over in EVAL mode.

    The loader is a list of (x_batch, y_batch) pairs of ``sizes``; the optimizer is
    SGD(lr, momentum) over all parameters; the loss is nn.CrossEntropyLoss().
    """
    net, loss_class, sgd_class = _classes()
    model = build_model(spec, seed).to(x.device).eval()
    log = Log()
    _instrument(model, log)
    optimizer = sgd_class(model.parameters(), log, lr=lr, momentum=momentum)
    loss_fn = loss_class(log, list(model.parameters()))
    result = train_one_epoch(model, _split(x, y, sizes), loss_fn, optimizer)
    return {"result": result, "events": log.events, "forwards": log.forwards, "clean": log.clean,
            "step_grads": log.step_grads, "state": _state(model)}


def run_evaluate(evaluate, spec, seed, x, y, sizes):
    """The student's ``evaluate`` on an instrumented model handed over in TRAIN mode (BatchNorm included)."""
    net, loss_class, _ = _classes()
    model = build_model(spec, seed).to(x.device)
    log = Log()
    _instrument(model, log)
    before = _state(model)
    loss_fn = loss_class(log, list(model.parameters()))
    result = evaluate(model, _split(x, y, sizes), loss_fn)
    after = _state(model)
    changed = sorted(name for name in before if not (name in after and bool((before[name] == after[name]).all())))
    return {"result": result, "events": log.events, "forwards": log.forwards, "changed": changed,
            "grads": sorted(name for name, p in model.named_parameters() if p.grad is not None)}
