"""Checks of the class-based test exercise: an nn.Module driven inside the worker."""

from pathlib import Path

import numpy as np

from grader import oracles
from grader.compare import expect, expect_array
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.wire import AsTensor, TensorValue

EXERCISE = Exercise(id="ex90_affine", topic=33, framework="torch", part_names=["Affine"],
                    forbidden_modules=(), forbidden_names=("Linear",), drivers="modules",
                    root=Path(__file__).parent)


def _tensor_result(value, expected, name):
    expect(isinstance(value, TensorValue), f"{name}: ожидался torch.Tensor")
    return expect_array(value.array, expected, name=name)


@EXERCISE.check("Affine", points=1, title="forward совпадает с F.linear с теми же весами")
def forward_matches_linear(student, rng):
    model = student.new("Affine", 3, 2)
    weight, bias, x = gaussian(rng, 2, 3), gaussian(rng, 2), gaussian(rng, 4, 3)
    student.drive("module_forward_backward", model.handle,
                  {"weight": AsTensor(weight), "bias": AsTensor(bias)}, AsTensor(x), AsTensor(np.ones((4, 2))))
    _tensor_result(model.forward(AsTensor(x)), x @ weight.T + bias, "Affine.forward(x)")


@EXERCISE.check("Affine", points=2, title="градиенты параметров совпадают с autograd")
def gradients_match_autograd(student, rng):
    import torch.nn.functional as F

    model = student.new("Affine", 3, 2)
    weight, bias, x, grad_out = gaussian(rng, 2, 3), gaussian(rng, 2), gaussian(rng, 4, 3), gaussian(rng, 4, 2)
    result = student.drive("module_forward_backward", model.handle,
                           {"weight": AsTensor(weight), "bias": AsTensor(bias)}, AsTensor(x), AsTensor(grad_out))
    expect(result["parameters"] == ["bias", "weight"],
           f"параметры модуля: {result['parameters']}, а ожидались ['bias', 'weight']")
    w, b, xt = (oracles.tensor(a, requires_grad=True) for a in (weight, bias, x))
    F.linear(xt, w, b).backward(oracles.tensor(grad_out))
    _tensor_result(result["output"], x @ weight.T + bias, "выход")
    _tensor_result(result["grads"]["weight"], w.grad.numpy(), "градиент weight")
    _tensor_result(result["grads"]["bias"], b.grad.numpy(), "градиент bias")
