"""Checks of exercise 15: batch normalization in NumPy, against torch in float64 (F.batch_norm,
nn.BatchNorm1d with copied parameters and buffers, autograd)."""

import numpy as np

from grader.compare import expect_array, expect_raises, expect_tuple
from grader.exercise import Exercise
from grader.oracles import tensor
from grader.strategies import gaussian

FORWARD_RESULT = ("out", "new_running_mean", "new_running_var")
BACKWARD_RESULT = ("dx", "dgamma", "dbeta")


def _parameters(rng, channels):
    """gamma, beta, running_mean, running_var of ``channels`` channels (running_var > 0)."""
    return (rng.uniform(0.5, 2.0, channels), gaussian(rng, channels), gaussian(rng, channels),
            rng.uniform(0.5, 2.0, channels))


def _batch(rng, *shape, scale=2.0):
    """A batch whose channels have different means and spreads (so mixed-up axes show)."""
    channels = shape[1]
    offsets = rng.uniform(-3.0, 3.0, channels).reshape((1, channels) + (1,) * (len(shape) - 2))
    spreads = rng.uniform(0.5, scale, channels).reshape(offsets.shape)
    return offsets + spreads * gaussian(rng, *shape)


def _forward_probes(rng):
    x = _batch(rng, 4, 3)
    params = _parameters(rng, 3)
    return [(x, *params, 0.1, 1e-5, True), (x, *params, 0.1, 1e-5, False),
            (_batch(rng, 2, 3, 3), *params, 0.25, 1e-3, True)]


def _backward_probes(rng):
    return [(gaussian(rng, 5, 3), _batch(rng, 5, 3), rng.uniform(0.5, 2.0, 3), 1e-5)]


EXERCISE = Exercise(
    id="ex15_batchnorm",
    topic=15,
    framework="numpy",
    part_names=["batchnorm_forward", "batchnorm_backward"],
    probes={"batchnorm_forward": _forward_probes, "batchnorm_backward": _backward_probes},
)


# -- oracles ---------------------------------------------------------------------------------


def _torch_forward(x, gamma, beta, running_mean, running_var, momentum, eps, training):
    """F.batch_norm in float64 on copies of the running buffers (torch updates them in place)."""
    import torch.nn.functional as F

    mean_t, var_t = tensor(running_mean), tensor(running_var)
    out = F.batch_norm(tensor(x), mean_t, var_t, tensor(gamma), tensor(beta), training=training,
                       momentum=momentum, eps=eps)
    return out.numpy(), mean_t.numpy(), var_t.numpy()


def _module_forward(x, gamma, beta, running_mean, running_var, momentum, eps):
    """nn.BatchNorm1d (train mode) with the given weight, bias and running buffers copied in."""
    import torch

    layer = torch.nn.BatchNorm1d(x.shape[1], eps=eps, momentum=momentum, dtype=torch.float64)
    with torch.no_grad():
        layer.weight.copy_(tensor(gamma))
        layer.bias.copy_(tensor(beta))
        layer.running_mean.copy_(tensor(running_mean))
        layer.running_var.copy_(tensor(running_var))
        out = layer.train()(tensor(x))
    return out.numpy(), layer.running_mean.numpy(), layer.running_var.numpy()


def _torch_backward(grad_out, x, gamma, eps):
    """Autograd through F.batch_norm in training mode: (dx, dgamma, dbeta)."""
    import torch.nn.functional as F

    x_t, gamma_t = tensor(x, requires_grad=True), tensor(gamma, requires_grad=True)
    beta_t = tensor(np.zeros_like(gamma), requires_grad=True)
    out = F.batch_norm(x_t, None, None, gamma_t, beta_t, training=True, eps=eps)
    out.backward(tensor(grad_out))
    return x_t.grad.numpy(), gamma_t.grad.numpy(), beta_t.grad.numpy()


# -- comparisons ---------------------------------------------------------------------------------


def _expect_forward(student, x, params, expected, rtol=1e-10, atol=1e-12, **options):
    got = expect_tuple(student.batchnorm_forward(x, *params, **options), FORWARD_RESULT,
                       name="batchnorm_forward(...)")
    for name, value, oracle in zip(FORWARD_RESULT, got, expected, strict=True):
        expect_array(value, oracle, name=name, rtol=rtol, atol=atol)
    return got


def _forward_case(student, x, params, rtol=1e-10, atol=1e-12, momentum=0.1, eps=1e-5, training=True):
    expected = _torch_forward(x, *params, momentum, eps, training)
    options = {} if (momentum, eps, training) == (0.1, 1e-5, True) else \
        {"momentum": momentum, "eps": eps, "training": training}
    return _expect_forward(student, x, params, expected, rtol, atol, **options)


def _expect_backward(student, grad_out, x, gamma, eps=1e-5, rtol=1e-9, atol=1e-11):
    expected = _torch_backward(grad_out, x, gamma, eps)
    args = (grad_out, x, gamma) if eps == 1e-5 else (grad_out, x, gamma, eps)
    got = expect_tuple(student.batchnorm_backward(*args), BACKWARD_RESULT, name="batchnorm_backward(...)")
    for name, value, oracle in zip(BACKWARD_RESULT, got, expected, strict=True):
        expect_array(value, oracle, name=name, rtol=rtol, atol=atol)
    return got


# -- 15.1 batchnorm_forward ------------------------------------------------------------------


@EXERCISE.check("batchnorm_forward", points=3,
                title="режим обучения, вход (N, C): выход и скользящие статистики как у F.batch_norm "
                      "(параметры по умолчанию, допуск 1e-10)")
def forward_train_matches_torch(student, rng):
    for n, c in [(int(rng.integers(5, 9)), 3), (2, 4), (3, int(rng.integers(6, 10))), (int(rng.integers(10, 20)), 1)]:
        _forward_case(student, _batch(rng, n, c), _parameters(rng, c))


@EXERCISE.check("batchnorm_forward", points=2,
                title="режим eval: нормировка по running_mean/running_var, статистики не меняются, "
                      "работает и для батча из одного примера")
def forward_eval_uses_running_stats(student, rng):
    for n, c in [(int(rng.integers(4, 8)), 3), (1, 5), (2, 2)]:
        x, params = _batch(rng, n, c), _parameters(rng, c)
        _forward_case(student, x, params, momentum=float(rng.uniform(0.05, 0.5)), training=False)


@EXERCISE.check("batchnorm_forward", points=2,
                title="вход (N, C, L): статистики по осям N и L, как у nn.BatchNorm1d со скопированными "
                      "параметрами (в том числе N = 1)")
def forward_3d_matches_module(student, rng):
    for n, c, length in [(int(rng.integers(2, 5)), 3, int(rng.integers(3, 7))), (1, 2, 5), (3, 4, 1)]:
        x, params = _batch(rng, n, c, length), _parameters(rng, c)
        momentum = float(rng.uniform(0.05, 0.5))
        expected = _module_forward(x, *params, momentum, 1e-5)
        _expect_forward(student, x, params, expected, momentum=momentum)


@EXERCISE.check("batchnorm_forward", points=2,
                title="другие momentum и eps; при gamma = 1, beta = 0 среднее столбцов 0, "
                      "смещённая дисперсия var/(var + eps)")
def forward_options_and_invariants(student, rng):
    n, c = int(rng.integers(4, 9)), 5
    x = _batch(rng, n, c)
    x[:, 0] = 0.01 * x[:, 0]  # a channel with a tiny spread: where eps matters
    momentum, eps = float(rng.uniform(0.2, 0.9)), float(rng.choice([1e-3, 1e-2]))
    _forward_case(student, x, _parameters(rng, c), momentum=momentum, eps=eps)
    unit = (np.ones(c), np.zeros(c), np.zeros(c), np.ones(c))
    out = _forward_case(student, x, unit, momentum=momentum, eps=eps)[0]
    var = x.var(axis=0)
    expect_array(out.mean(axis=0), np.zeros(c), name="среднее выхода по батчу", atol=1e-10)
    expect_array(out.var(axis=0), var / (var + eps), name="смещённая дисперсия выхода", rtol=1e-8)


@EXERCISE.check("batchnorm_forward", points=1,
                title="крайние случаи: смещение входа 1e5 (точность дисперсии), батч из одного примера "
                      "при обучении — ValueError")
def forward_edge_cases(student, rng):
    n, c = int(rng.integers(6, 12)), 3
    x = 1e5 + _batch(rng, n, c)
    _forward_case(student, x, _parameters(rng, c), rtol=1e-7, atol=1e-9)
    one = gaussian(rng, 1, 4)
    params = _parameters(rng, 4)
    expect_raises(lambda: student.batchnorm_forward(one, *params), "ValueError",
                  "батч из одного примера в режиме обучения (дисперсия по одному числу не определена)")


# -- 15.2 batchnorm_backward ------------------------------------------------------------------


@EXERCISE.check("batchnorm_backward", points=3,
                title="dx, dgamma, dbeta совпадают с autograd через F.batch_norm (неквадратные формы, "
                      "допуск 1e-9)")
def backward_matches_autograd(student, rng):
    for n, c in [(int(rng.integers(5, 9)), 3), (3, int(rng.integers(6, 10))), (int(rng.integers(10, 16)), 1)]:
        _expect_backward(student, gaussian(rng, n, c), _batch(rng, n, c), rng.uniform(0.5, 2.0, c))


@EXERCISE.check("batchnorm_backward", points=1,
                title="инварианты: сумма dx по батчу равна 0, а при ничтожном eps (1e-300) dx ортогонален x̂ "
                      "в каждом столбце")
def backward_invariants(student, rng):
    n, c = int(rng.integers(4, 8)), 4
    x, grad_out = _batch(rng, n, c), gaussian(rng, n, c)
    dx = _expect_backward(student, grad_out, x, rng.uniform(0.5, 2.0, c))[0]
    expect_array(dx.sum(axis=0), np.zeros(c), name="сумма dx по батчу", atol=1e-10)
    # with eps ~ 0 (1e-300 vanishes next to var) the batch statistics absorb both a shift and a
    # rescaling of each column exactly, so dx is orthogonal to x_hat
    dx = _expect_backward(student, grad_out, x, rng.uniform(0.5, 2.0, c), eps=1e-300)[0]
    x_hat = (x - x.mean(axis=0)) / x.std(axis=0)
    expect_array((dx * x_hat).sum(axis=0), np.zeros(c), name="сумма dx·x̂ по батчу", atol=1e-10)


@EXERCISE.check("batchnorm_backward", points=2,
                title="крайние случаи: батч из двух, смещение входа 1e5, малая дисперсия и другой eps; "
                      "батч из одного — ValueError")
def backward_edge_cases(student, rng):
    _expect_backward(student, gaussian(rng, 2, 3), _batch(rng, 2, 3), rng.uniform(0.5, 2.0, 3))
    n = int(rng.integers(5, 10))
    x = 1e5 + _batch(rng, n, 3)
    _expect_backward(student, gaussian(rng, n, 3), x, rng.uniform(0.5, 2.0, 3), rtol=1e-6, atol=1e-8)
    x = _batch(rng, n, 2)
    x[:, 1] *= 0.01
    _expect_backward(student, gaussian(rng, n, 2), x, rng.uniform(0.5, 2.0, 2), eps=1e-3)
    one = gaussian(rng, 1, 3)
    expect_raises(lambda: student.batchnorm_backward(gaussian(rng, 1, 3), one, np.ones(3)), "ValueError",
                  "батч из одного примера (в режиме обучения BatchNorm его не принимает)")
