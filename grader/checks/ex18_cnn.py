"""Checks of exercise 18: a small CNN in PyTorch, shape propagation and the receptive field.

Oracles: the same network written here with ``torch.nn.functional`` and the check's
random float64 weights (outputs and autograd gradients); real torch layers on the meta
device for shapes (no memory, so inputs of 100000 x 70000 pixels cost nothing); and
for the receptive field, autograd through a 1-D stack with all-ones weights on an
all-ones input, where the input pixels with a non-zero gradient of one output unit are
exactly its receptive field. Deep stacks, beyond any input autograd could hold, are
checked by the composition law of receptive fields.
"""

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import Mismatch, expect, expect_array, expect_int, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.wire import AsTensor, TensorValue

SIDE = 28  # the network's input is (N, in_channels, 28, 28)
PARAMETER_NAMES = ("conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc.weight", "fc.bias")


def _shape_probes(rng):
    layers = [{"type": "conv", "out_channels": 6, "kernel_size": 5, "padding": 2},
              {"type": "pool", "kernel_size": 2},
              {"type": "conv", "out_channels": 9, "kernel_size": 3, "stride": 2},
              {"type": "pool", "kernel_size": 3, "stride": 2, "padding": 1},
              {"type": "flatten"}]
    return [((3, 37, 29), layers)]


def _field_probes(rng):
    return [([{"type": "conv", "kernel_size": 3}, {"type": "pool", "kernel_size": 2},
              {"type": "conv", "kernel_size": 5, "stride": 2, "dilation": 2}, {"type": "pool", "kernel_size": 3,
                                                                                 "stride": 1}],)]


EXERCISE = Exercise(
    id="ex18_cnn",
    topic=18,
    framework="torch",
    part_names=["SmallCNN", "output_shape", "receptive_field"],
    forbidden_modules=(),
    drivers="ex18_cnn",
    probes={"output_shape": _shape_probes, "receptive_field": _field_probes},
)


# -- 18.1 SmallCNN ---------------------------------------------------------------------


def _architecture_shapes(in_channels, num_classes):
    """Parameter shapes, in order, of the architecture in the stub (built from torch layers)."""
    import torch
    from torch import nn

    layers = [nn.Conv2d(in_channels, 8, 3, padding=1, device="meta"), nn.Conv2d(8, 16, 3, device="meta")]
    features = torch.zeros(1, in_channels, SIDE, SIDE, device="meta")
    features = nn.functional.max_pool2d(layers[0](features), 2)
    features = nn.functional.max_pool2d(layers[1](features), 2)
    layers.append(nn.Linear(features[0].numel(), num_classes, device="meta"))
    return [list(p.shape) for layer in layers for p in layer.parameters()]


def _weights(rng, shapes):
    """Random float64 weights scaled by 1/sqrt(fan_in), so activations stay of order 1."""
    out = []
    for shape in shapes:
        fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else 1
        out.append(gaussian(rng, *shape, scale=1.0 / np.sqrt(fan_in) if len(shape) > 1 else 0.5))
    return out


def _reference(weights, x, grad_output):
    """The stub's network in torch.nn.functional: output, input gradient, parameter gradients."""
    import torch.nn.functional as F

    w1, b1, w2, b2, w3, b3 = (oracles.tensor(w, requires_grad=True) for w in weights)
    xt = oracles.tensor(x, requires_grad=True)
    h = F.max_pool2d(F.relu(F.conv2d(xt, w1, b1, padding=1)), 2)  # (N, 8, 14, 14)
    h = F.max_pool2d(F.relu(F.conv2d(h, w2, b2)), 2)  # (N, 16, 6, 6)
    out = F.linear(h.flatten(1), w3, b3)  # (N, num_classes): logits
    out.backward(oracles.tensor(grad_output))
    return out.detach().numpy(), xt.grad.numpy(), [w.grad.numpy() for w in (w1, b1, w2, b2, w3, b3)]


def _tensor(value, expected, name):
    expect(isinstance(value, TensorValue), f"{name}: ожидался torch.Tensor, получено {type(value).__name__}")
    return expect_array(value.array, expected, name=name, rtol=1e-9, atol=1e-11)


def _run(student, rng, batch):
    """Construct the student's network, load random weights, run forward and backward in the worker."""
    in_channels, num_classes = int(rng.integers(1, 4)), int(rng.integers(3, 13))
    shapes = _architecture_shapes(in_channels, num_classes)
    weights = _weights(rng, shapes)
    x, grad_output = gaussian(rng, batch, in_channels, SIDE, SIDE), gaussian(rng, batch, num_classes)
    model = student.new("SmallCNN", in_channels, num_classes)
    result = student.drive("cnn_forward_backward", model.handle, dict(zip(PARAMETER_NAMES, weights, strict=True)),
                           AsTensor(x), AsTensor(grad_output))
    return result, _reference(weights, x, grad_output), (in_channels, num_classes)


@EXERCISE.check("SmallCNN", points=1,
                title="nn.Module с шестью тензорами параметров в порядке conv1, conv2, fc и формами архитектуры")
def parameters_follow_architecture(student, rng):
    for _ in range(2):
        in_channels, num_classes = int(rng.integers(1, 4)), int(rng.integers(3, 13))
        model = student.new("SmallCNN", in_channels, num_classes)
        info = student.drive("describe_model", model.handle)
        expect(info["is_module"], f"SmallCNN({in_channels}, {num_classes}) — это {info['type']}, "
                                  "а нужен подкласс torch.nn.Module")
        expected = _architecture_shapes(in_channels, num_classes)
        got = [list(s) for s in info["shapes"]]
        expect(got == expected,
               f"SmallCNN({in_channels}, {num_classes}): формы параметров по порядку {got}",
               f"а по архитектуре {expected} ({', '.join(PARAMETER_NAMES)})",
               f"всего параметров: у вас {sum(int(np.prod(s)) for s in got)}, "
               f"а должно быть {sum(int(np.prod(s)) for s in expected)}")


@EXERCISE.check("SmallCNN", points=2,
                title="логиты совпадают с эталонной сетью с теми же весами (батч 1 и батч 4, допуск 1e-9)")
def logits_match_reference(student, rng):
    for batch in (1, 4):
        result, (out, _, _), (c, k) = _run(student, rng, batch)
        _tensor(result["output"], out, name=f"логиты (вход {batch}×{c}×{SIDE}×{SIDE}, классов {k})")


@EXERCISE.check("SmallCNN", points=2,
                title="градиенты всех параметров и входа совпадают с autograd эталонной сети")
def gradients_match_reference(student, rng):
    result, (_, input_grad, grads), _ = _run(student, rng, 3)
    for name, got, expected in zip(PARAMETER_NAMES, result["grads"], grads, strict=True):
        expect(got is not None, f"градиент {name}: None — параметр не участвует в вычислении выхода")
        _tensor(got, expected, name=f"градиент {name}")
    _tensor(result["input_grad"], input_grad, name="градиент по входу")


# -- shared spec generation (parts 2 and 3) -----------------------------------------------


def _conv(draw, channels=True):
    k = draw(st.integers(1, 5))
    spec = {"type": "conv", "kernel_size": k}
    if channels:
        spec["out_channels"] = draw(st.integers(1, 12))
    for key, values in (("stride", st.integers(1, 3)), ("padding", st.integers(0, 2)), ("dilation", st.integers(1, 2))):
        if draw(st.booleans()):
            spec[key] = draw(values)
    return spec


def _pool(draw):
    k = draw(st.integers(1, 3))
    spec = {"type": "pool", "kernel_size": k}
    if draw(st.booleans()):
        spec["stride"] = draw(st.integers(1, 3))
    if draw(st.booleans()):
        spec["padding"] = draw(st.integers(0, k // 2))
    return spec


@st.composite
def layer_stacks(draw, channels=True, max_layers=5):
    count = draw(st.integers(1, max_layers))
    return [_pool(draw) if draw(st.booleans()) else _conv(draw, channels) for _ in range(count)]


# -- 18.2 output_shape ------------------------------------------------------------------


def _true_shape(input_shape, layers):
    """Run zeros of shape (1, C, H, W) through real torch layers on the meta device; None if invalid."""
    import torch
    from torch import nn

    x = torch.zeros(1, *input_shape, device="meta")
    try:
        for spec in layers:
            kind = spec["type"]
            if kind == "conv":
                module = nn.Conv2d(x.shape[1], spec["out_channels"], spec["kernel_size"], stride=spec.get("stride", 1),
                                   padding=spec.get("padding", 0), dilation=spec.get("dilation", 1), device="meta")
            elif kind == "pool":
                module = nn.MaxPool2d(spec["kernel_size"], stride=spec.get("stride"), padding=spec.get("padding", 0))
            elif kind == "flatten":
                module = nn.Flatten()
            else:
                module = nn.Linear(x.shape[-1], spec["out_features"], device="meta")
            x = module(x)
    except RuntimeError:
        return None
    if any(s < 1 for s in x.shape):
        return None
    return tuple(int(s) for s in x.shape[1:])


def _expect_shape(student, input_shape, layers):
    expected = _true_shape(input_shape, layers)
    assert expected is not None, "invalid stack generated by the check"
    name = f"output_shape({input_shape}, …)"
    got = expect_tuple(student.output_shape(input_shape, layers), tuple(f"d{i}" for i in range(len(expected))),
                       name=name)
    for i, (g, e) in enumerate(zip(got, expected, strict=True)):
        expect_int(g, e, name=f"{name}[{i}] (ожидалась форма {expected})")


@st.composite
def shape_cases(draw):
    input_shape = (draw(st.integers(1, 4)), draw(st.integers(6, 48)), draw(st.integers(6, 48)))
    layers = draw(layer_stacks())
    if draw(st.booleans()):
        layers.append({"type": "flatten"})
    assume(_true_shape(input_shape, layers) is not None)
    return input_shape, layers


@EXERCISE.check("output_shape", points=2,
                title="совпадает с формой выхода настоящих слоёв torch на случайных стеках conv/pool/flatten")
@given(case=shape_cases())
def shapes_match_torch(student, case):
    _expect_shape(student, *case)


@EXERCISE.check("output_shape", points=1,
                title="значения по умолчанию: шаг пулинга равен окну, padding = 0; неквадратный вход")
def shape_defaults(student, rng):
    h, w = int(rng.integers(20, 40)), int(rng.integers(41, 70))
    _expect_shape(student, (3, h, w), [{"type": "pool", "kernel_size": 2}])
    _expect_shape(student, (3, h, w), [{"type": "conv", "out_channels": 5, "kernel_size": 3},
                                       {"type": "pool", "kernel_size": 3}])
    _expect_shape(student, (1, h, w), [{"type": "pool", "kernel_size": 3, "stride": 1}])


@EXERCISE.check("output_shape", points=1,
                title="классификатор: flatten и linear; вход 100000×70000 — только по формуле")
def shape_classifier_and_huge_input(student, rng):
    classes = int(rng.integers(3, 20))
    lenet = [{"type": "conv", "out_channels": 6, "kernel_size": 5, "padding": 2}, {"type": "pool", "kernel_size": 2},
             {"type": "conv", "out_channels": 16, "kernel_size": 5}, {"type": "pool", "kernel_size": 2},
             {"type": "flatten"}]
    _expect_shape(student, (1, 28, 28), lenet)
    _expect_shape(student, (1, 28, 28), [*lenet, {"type": "linear", "out_features": 120},
                                         {"type": "linear", "out_features": classes}])
    huge = [{"type": "conv", "out_channels": 64, "kernel_size": 7, "stride": 2, "padding": 3},
            {"type": "pool", "kernel_size": 3, "stride": 2, "padding": 1},
            {"type": "conv", "out_channels": int(rng.integers(65, 200)), "kernel_size": 3, "dilation": 2}]
    _expect_shape(student, (3, 100_000, 70_000 + int(rng.integers(0, 9))), huge)


# -- 18.3 receptive_field ---------------------------------------------------------------


def _measured_field(layers):
    """Autograd: (extent of the non-zero input gradient of a middle output unit, offset to its neighbour)."""
    import torch
    import torch.nn.functional as F

    jump_bound, kernel_sum = 1, 0
    for spec in layers:
        jump_bound *= spec.get("stride", spec["kernel_size"] if spec["type"] == "pool" else 1)
        kernel_sum += spec.get("dilation", 1) * spec["kernel_size"] + 2 * spec.get("padding", 0)
    length = 4 * jump_bound * (kernel_sum + 2) + 32
    x = torch.ones(1, 1, length, dtype=torch.float64, requires_grad=True)
    h = x
    for spec in layers:  # a pooling window is a convolution window: all-ones weights, no dilation
        k = spec["kernel_size"]
        stride = spec.get("stride", k if spec["type"] == "pool" else 1)
        dilation = spec.get("dilation", 1) if spec["type"] == "conv" else 1
        h = F.conv1d(h, torch.ones(1, 1, k, dtype=torch.float64), stride=stride, padding=spec.get("padding", 0),
                     dilation=dilation)
    middle = h.shape[-1] // 2
    starts, size = [], None
    for unit in (middle, middle + 1):
        (grad,) = torch.autograd.grad(h[0, 0, unit], x, retain_graph=True)
        support = torch.nonzero(grad[0, 0]).flatten()
        starts.append(int(support.min()))
        size = size or int(support.max() - support.min() + 1)
    return size, starts[1] - starts[0]


def _expect_field(student, layers, expected=None):
    expected = expected or _measured_field(layers)
    size, jump = expect_tuple(student.receptive_field(layers), ("size", "jump"), name="receptive_field(layers)")
    expect_int(size, expected[0], name="размер рецептивного поля (size)")
    expect_int(jump, expected[1], name="шаг между полями соседних выходов (jump)")


@EXERCISE.check("receptive_field", points=2,
                title="свёртки с шагом 1: размер поля совпадает с измеренным autograd; пустой стек даёт (1, 1)",
                examples=12)
@given(layers=st.lists(st.builds(lambda k, d, p: {"type": "conv", "kernel_size": k, "dilation": d, "padding": p},
                                 st.integers(1, 5), st.integers(1, 3), st.integers(0, 2)), min_size=1, max_size=5))
def field_of_stride_one_stacks(student, layers):
    _expect_field(student, layers)
    _expect_field(student, [], (1, 1))


@EXERCISE.check("receptive_field", points=2,
                title="стеки с шагами и пулингом: размер поля и jump совпадают с измеренными autograd",
                examples=15)
@given(layers=layer_stacks(channels=False))
def field_of_strided_stacks(student, layers):
    _expect_field(student, layers)


def _integer(value, name):
    expect(isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)),
           f"{name}: ожидалось целое число (int), получено {type(value).__name__}")
    return int(value)


@EXERCISE.check("receptive_field", points=1,
                title="закон композиции на глубоких стеках (20–40 слоёв): r(A+B) = r(A) + (r(B) − 1)·jump(A)")
def field_composition(student, rng):
    _expect_field(student, [{"type": "conv", "kernel_size": 3}] * 3, (7, 1))
    for _ in range(3):
        stack = []
        for _ in range(int(rng.integers(20, 41))):
            if rng.random() < 0.75:
                stack.append({"type": "conv", "kernel_size": int(rng.integers(1, 6)),
                              "stride": int(rng.choice([1, 1, 1, 2])), "dilation": int(rng.integers(1, 3))})
            else:
                stack.append({"type": "pool", "kernel_size": int(rng.integers(2, 4)), "stride": 2})
        cut = int(rng.integers(1, len(stack)))
        fields = []
        for part in (stack[:cut], stack[cut:], stack):
            got = expect_tuple(student.receptive_field(part), ("size", "jump"), name="receptive_field(layers)")
            fields.append(tuple(_integer(v, n) for v, n in zip(got, ("size", "jump"), strict=True)))
        (r_a, j_a), (r_b, j_b), (r, j) = fields
        if (r, j) != (r_a + (r_b - 1) * j_a, j_a * j_b):
            raise Mismatch(f"стек из {len(stack)} слоёв, разрезанный после слоя {cut}: A даёт (size, jump) = "
                           f"{(r_a, j_a)}, B даёт {(r_b, j_b)}, а весь стек {(r, j)}",
                           f"по закону композиции должно быть {(r_a + (r_b - 1) * j_a, j_a * j_b)}")
