"""Checks of exercise 3: parameter and MAC counts of AlexNet-like networks (against the same
layers built in torch) and per-layer gradient norms of deep networks (against autograd)."""

import numpy as np

from grader import oracles
from grader.compare import Mismatch, expect_array, expect_int
from grader.exercise import Exercise
from grader.strategies import gaussian, read_only

# The AlexNet of torchvision (one tower, 224 x 224 input): 61 100 840 parameters.
ALEXNET = [
    {"type": "conv", "out_channels": 64, "kernel": 11, "stride": 4, "padding": 2}, {"type": "relu"},
    {"type": "maxpool", "kernel": 3, "stride": 2},
    {"type": "conv", "out_channels": 192, "kernel": 5, "padding": 2}, {"type": "relu"},
    {"type": "maxpool", "kernel": 3, "stride": 2},
    {"type": "conv", "out_channels": 384, "kernel": 3, "padding": 1}, {"type": "relu"},
    {"type": "conv", "out_channels": 256, "kernel": 3, "padding": 1}, {"type": "relu"},
    {"type": "conv", "out_channels": 256, "kernel": 3, "padding": 1}, {"type": "relu"},
    {"type": "maxpool", "kernel": 3, "stride": 2},
    {"type": "flatten"}, {"type": "dropout"},
    {"type": "linear", "out_features": 4096}, {"type": "relu"}, {"type": "dropout"},
    {"type": "linear", "out_features": 4096}, {"type": "relu"},
    {"type": "linear", "out_features": 1000},
]
ALEXNET_INPUT = (3, 224, 224)


def _out(size, kernel, stride, padding):
    return (size + 2 * padding - kernel) // stride + 1


def random_spec(rng):
    """An AlexNet-like spec and input shape: conv/pool blocks, flatten, two linear layers.

    Sizes are chosen so that (H + 2p - k) / s is rarely whole (floor matters), some pools
    omit "stride" (it defaults to the kernel) and some layers have no bias.
    """
    while True:
        size = int(rng.integers(40, 140))
        spec, h = [], size
        blocks = int(rng.integers(2, 4))
        for block in range(blocks):
            k = int(rng.choice([7, 9, 11])) if block == 0 else int(rng.choice([3, 5]))
            s = int(rng.integers(2, 5)) if block == 0 else 1
            p = int(rng.integers(0, 3)) if block == 0 else k // 2 - int(rng.integers(0, 2))
            conv = {"type": "conv", "out_channels": int(rng.integers(4, 97)), "kernel": k, "stride": s,
                    "padding": p}
            if rng.random() < 0.3:
                conv["bias"] = False
            h = _out(h, k, s, p)
            if block == 0:
                pool = {"type": "maxpool", "kernel": 3, "stride": 2}
            elif block == blocks - 1:  # at least one pool relies on the default stride (= kernel)
                pool = {"type": "maxpool", "kernel": 2}
            else:
                pool = [{"type": "maxpool", "kernel": 2}, {"type": "maxpool", "kernel": 2, "stride": 1},
                        {"type": "maxpool", "kernel": 3, "stride": 2}][int(rng.integers(0, 3))]
            h = _out(h, pool["kernel"], pool.get("stride", pool["kernel"]), 0) if h >= pool["kernel"] else 0
            spec += [conv, {"type": "relu"}, pool]
        if h < 1:
            continue
        head = {"type": "linear", "out_features": int(rng.integers(8, 300))}
        last = {"type": "linear", "out_features": int(rng.integers(2, 100))}
        if rng.random() < 0.3:
            last["bias"] = False
        spec += [{"type": "flatten"}, {"type": "dropout"}, head, {"type": "relu"}, last]
        return spec, (int(rng.integers(1, 5)), size, size)


def mlp_spec(rng):
    """A network of linear layers only, on a 1-D input (F,)."""
    widths = [int(w) for w in rng.integers(1, 40, size=int(rng.integers(2, 5)))]
    spec = []
    for w in widths:
        spec += [{"type": "linear", "out_features": w, "bias": bool(rng.random() < 0.6)}, {"type": "relu"}]
    return spec[:-1], (int(rng.integers(1, 50)),)


# -- oracles: the same layers built in torch (on the meta device: shapes, no arithmetic) -------


def torch_layers(spec, input_shape):
    """[(module, output shape)] for the spec built as torch modules and run on one example."""
    import torch
    from torch import nn

    x = torch.empty(1, *input_shape, device="meta")
    built = []
    for layer in spec:
        kind, bias = layer["type"], layer.get("bias", True)
        if kind == "conv":
            module = nn.Conv2d(x.shape[1], layer["out_channels"], layer["kernel"], stride=layer.get("stride", 1),
                               padding=layer.get("padding", 0), bias=bias, device="meta")
        elif kind == "maxpool":
            module = nn.MaxPool2d(layer["kernel"], stride=layer.get("stride"))
        elif kind == "linear":
            module = nn.Linear(x.shape[1], layer["out_features"], bias=bias, device="meta")
        else:
            module = {"relu": nn.ReLU, "dropout": nn.Dropout, "flatten": nn.Flatten}[kind]()
        x = module(x)
        built.append((module, tuple(x.shape[1:])))
    return built


def torch_parameters(spec, input_shape):
    return sum(p.numel() for module, _ in torch_layers(spec, input_shape) for p in module.parameters())


def torch_macs(spec, input_shape):
    from torch import nn

    total = 0
    for module, out_shape in torch_layers(spec, input_shape):
        outputs = int(np.prod(out_shape))
        if isinstance(module, nn.Conv2d):
            total += outputs * module.in_channels * module.kernel_size[0] * module.kernel_size[1]
        elif isinstance(module, nn.Linear):
            total += outputs * module.in_features
    return total


def autograd_gradient_norms(x, weights, activation):
    import torch

    act = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}[activation]
    params = [oracles.tensor(W, requires_grad=True) for W in weights]
    h = oracles.tensor(x)
    for W in params:
        h = act(h @ W.T)
    h.sum().backward()
    return np.array([float(torch.linalg.norm(W.grad)) for W in params])


# -- inputs and probes ------------------------------------------------------------------------


def deep_net(rng, widths, batch, gain=1.0):
    """x of shape (batch, widths[0]) and weights W_l ~ N(0, gain^2 / fan_in)."""
    x = read_only(gaussian(rng, batch, widths[0]))
    weights = [read_only(gaussian(rng, d_out, d_in, scale=gain / np.sqrt(d_in)))
               for d_in, d_out in zip(widths[:-1], widths[1:], strict=True)]
    return x, weights


def _count_probes(rng):
    return [(ALEXNET, ALEXNET_INPUT), random_spec(rng), mlp_spec(rng)]


def _gradient_probes(rng):
    return [(*deep_net(rng, [5, 4, 6, 3], 2), "sigmoid"), (*deep_net(rng, [3, 7, 2], 3), "tanh")]


EXERCISE = Exercise(
    id="ex03_revival",
    topic=3,
    framework="numpy",
    part_names=["count_parameters", "count_macs", "gradient_norms"],
    probes={"count_parameters": _count_probes, "count_macs": _count_probes, "gradient_norms": _gradient_probes},
)


def describe_spec(spec):
    """A compact one-line form of a spec (the report cuts long arguments)."""
    parts = []
    for layer in spec:
        kind = layer["type"]
        if kind == "conv":
            text = (f"conv(out={layer['out_channels']}, k={layer['kernel']}, s={layer.get('stride', 1)}, "
                    f"p={layer.get('padding', 0)}")
        elif kind == "maxpool":
            text = f"maxpool(k={layer['kernel']}" + (f", s={layer['stride']}" if "stride" in layer else "")
        elif kind == "linear":
            text = f"linear(out={layer['out_features']}"
        else:
            parts.append(kind)
            continue
        parts.append(text + (", bias=False)" if layer.get("bias", True) is False else ")"))
    return " → ".join(parts)


def _expect_count(got, expected, name, spec, shape):
    try:
        expect_int(got, expected, name=name)
    except Mismatch as e:
        raise Mismatch(*e.lines, f"сеть целиком: {describe_spec(spec)}; вход {tuple(shape)}") from None


# -- 3.1 count_parameters ---------------------------------------------------------------------


@EXERCISE.check("count_parameters", points=3,
                title="совпадает с sum(p.numel()) тех же слоёв в torch для случайных AlexNet-подобных сетей")
def parameters_match_torch(student, rng):
    for _ in range(4):
        spec, shape = random_spec(rng)
        _expect_count(student.count_parameters(spec, shape),
                      torch_parameters(spec, shape), "число параметров", spec, shape)


@EXERCISE.check("count_parameters", points=1, title="классическая AlexNet (вход 3×224×224): 61 100 840")
def parameters_of_alexnet(student, rng):
    _expect_count(student.count_parameters(ALEXNET, ALEXNET_INPUT),
                  torch_parameters(ALEXNET, ALEXNET_INPUT), "число параметров AlexNet", ALEXNET, ALEXNET_INPUT)


@EXERCISE.check("count_parameters", points=1,
                title="сеть только из линейных слоёв на входе (F,), часть слоёв без смещения")
def parameters_of_mlp(student, rng):
    for _ in range(3):
        spec, shape = mlp_spec(rng)
        _expect_count(student.count_parameters(spec, shape),
                      torch_parameters(spec, shape), "число параметров", spec, shape)


# -- 3.2 count_macs ---------------------------------------------------------------------------


@EXERCISE.check("count_macs", points=3,
                title="совпадает с MAC, посчитанными по формам выходов слоёв torch, для случайных сетей")
def macs_match_torch(student, rng):
    for _ in range(4):
        spec, shape = random_spec(rng)
        _expect_count(student.count_macs(spec, shape),
                      torch_macs(spec, shape), "число MAC", spec, shape)


@EXERCISE.check("count_macs", points=1, title="классическая AlexNet (вход 3×224×224): 714 188 480 MAC")
def macs_of_alexnet(student, rng):
    _expect_count(student.count_macs(ALEXNET, ALEXNET_INPUT),
                  torch_macs(ALEXNET, ALEXNET_INPUT), "число MAC AlexNet", ALEXNET, ALEXNET_INPUT)


@EXERCISE.check("count_macs", points=1,
                title="размер выхода округляется вниз: (H + 2p − k) / s не целое; сеть из линейных слоёв")
def macs_floor_and_mlp(student, rng):
    size = 2 * int(rng.integers(10, 30)) + 1  # odd: (size - 4) / 2 is never whole
    spec = [{"type": "conv", "out_channels": int(rng.integers(2, 9)), "kernel": 4, "stride": 2},
            {"type": "maxpool", "kernel": 2}, {"type": "flatten"}, {"type": "linear", "out_features": 3}]
    shape = (2, size, size + 2)
    _expect_count(student.count_macs(spec, shape),
                  torch_macs(spec, shape), "число MAC", spec, shape)
    spec, shape = mlp_spec(rng)
    _expect_count(student.count_macs(spec, shape),
                  torch_macs(spec, shape), "число MAC сети из линейных слоёв", spec, shape)


# -- 3.3 gradient_norms -----------------------------------------------------------------------


def _expect_norms(student, x, weights, activation):
    expected = autograd_gradient_norms(x, weights, activation)
    return expect_array(student.gradient_norms(x, weights, activation), expected,
                        name=f"нормы градиентов ({activation})", rtol=1e-9, atol=0.0)


@EXERCISE.check("gradient_norms", points=3,
                title="совпадает с autograd для sigmoid, tanh и relu, слои разной ширины (допуск 1e-9)")
def norms_match_autograd(student, rng):
    for activation in ("sigmoid", "tanh", "relu"):
        depth = int(rng.integers(2, 6))
        widths = [int(w) for w in rng.integers(2, 9, size=depth + 1)]
        _expect_norms(student, *deep_net(rng, widths, int(rng.integers(2, 6))), activation)


@EXERCISE.check("gradient_norms", points=1,
                title="глубокая сеть из 12 слоёв (sigmoid; relu с инициализацией He): "
                      "и малые нормы первых слоёв точны")
def norms_deep_network(student, rng):
    widths = [16] * 13
    _expect_norms(student, *deep_net(rng, widths, 8), "sigmoid")
    _expect_norms(student, *deep_net(rng, widths, 8, gain=np.sqrt(2.0)), "relu")  # He: Var W = 2 / fan_in


@EXERCISE.check("gradient_norms", points=1, title="батч из одного примера и слой ширины 1")
def norms_edge_shapes(student, rng):
    _expect_norms(student, *deep_net(rng, [3, 1, 4, 2], 1), "tanh")
    _expect_norms(student, *deep_net(rng, [1, 5, 1], 1), "sigmoid")
