"""Checks of exercise 36: BatchNorm2d, LayerNorm, InstanceNorm2d and GroupNorm written with tensor ops.

Oracles: torch.nn.functional (batch_norm, layer_norm, instance_norm, group_norm) and nn.BatchNorm2d
in float64 on the CPU, computed at grade time from the check's random inputs; invariants (zero
mean and variance var/(var + eps) of every normalised slice, independence of the other examples,
GroupNorm's two limits). The student's functions get float64 tensors on the grading device and
must return float64 tensors on that device (``expect_tensor``).
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader.compare import expect, expect_raises, expect_tensor, expect_tuple
from grader.exercise import Exercise
from grader.oracles import tensor
from grader.strategies import gaussian
from grader.wire import AsTensor

RTOL, ATOL = 1e-9, 1e-11  # float64; GPU reductions sum in another order
BN_RESULT = ("out", "new_running_mean", "new_running_var")


def _batch(rng, *shape):
    """A batch whose channels (axis 1) have different means and spreads, so mixed-up axes show."""
    view = (1, shape[1]) + (1,) * (len(shape) - 2)
    offsets = rng.uniform(-3.0, 3.0, shape[1]).reshape(view)
    spreads = rng.uniform(0.5, 2.0, shape[1]).reshape(view)
    return offsets + spreads * gaussian(rng, *shape)


def _affine(rng, *shape):
    return rng.uniform(0.5, 2.0, shape), gaussian(rng, *shape)


def _running(rng, channels):
    return gaussian(rng, channels), rng.uniform(0.5, 2.0, channels)


def _bn_probes(rng):
    x = _batch(rng, 3, 2, 3, 4)
    params = (*_affine(rng, 2), *_running(rng, 2))
    return [tuple(AsTensor(a) for a in (x, *params)) + (True, 0.1, 1e-5),
            tuple(AsTensor(a) for a in (x, *params)) + (False, 0.3, 1e-3),
            tuple(AsTensor(a) for a in (_batch(rng, 1, 2, 2, 5), *params)) + (True, 0.5, 1e-5)]


def _ln_probes(rng):
    x = _batch(rng, 3, 2, 3, 4)
    return [(AsTensor(x), (2, 3, 4), *(AsTensor(a) for a in _affine(rng, 2, 3, 4))),
            (AsTensor(_batch(rng, 2, 5, 3)), (3,), *(AsTensor(a) for a in _affine(rng, 3)))]


def _in_probes(rng):
    return [(AsTensor(_batch(rng, 2, 3, 4, 5)),), (AsTensor(_batch(rng, 3, 2, 3, 2)),)]


def _gn_probes(rng):
    return [(AsTensor(_batch(rng, 2, 6, 3, 4)), 3, *(AsTensor(a) for a in _affine(rng, 6))),
            (AsTensor(_batch(rng, 1, 4, 2, 3)), 2, *(AsTensor(a) for a in _affine(rng, 4)))]


EXERCISE = Exercise(
    id="ex36_norms",
    topic=36,
    framework="torch",
    part_names=["batchnorm2d_forward", "layernorm", "instancenorm2d", "groupnorm"],
    forbidden_modules=(),
    forbidden_names=("batch_norm", "layer_norm", "instance_norm", "group_norm", "native_batch_norm",
                     "native_layer_norm", "native_group_norm", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d",
                     "LazyBatchNorm2d", "SyncBatchNorm", "LayerNorm", "InstanceNorm1d", "InstanceNorm2d",
                     "InstanceNorm3d", "GroupNorm"),
    probes={"batchnorm2d_forward": _bn_probes, "layernorm": _ln_probes, "instancenorm2d": _in_probes,
            "groupnorm": _gn_probes},
)


def _t(array):
    return None if array is None else AsTensor(array)


def _close(student, got, expected, name, rtol=RTOL, atol=ATOL):
    return expect_tensor(got, expected, device=student.device, name=name, rtol=rtol, atol=atol)


def _shape(x):
    return "×".join(str(s) for s in x.shape)


# -- 36.1 batchnorm2d_forward -------------------------------------------------------------------


def _bn_oracle(x, weight, bias, running_mean, running_var, training, momentum, eps):
    """F.batch_norm in float64 on copies of the running buffers (torch updates them in place)."""
    import torch.nn.functional as F

    mean_t, var_t = tensor(running_mean), tensor(running_var)
    out = F.batch_norm(tensor(x), mean_t, var_t, tensor(weight), tensor(bias), training=training,
                       momentum=momentum, eps=eps)
    return out.numpy(), mean_t.numpy(), var_t.numpy()


def _bn_case(student, x, params, training=True, momentum=0.1, eps=1e-5, rtol=RTOL, atol=ATOL):
    expected = _bn_oracle(x, *params, training, momentum, eps)
    args = [AsTensor(a) for a in (x, *params)]
    if (training, momentum, eps) == (True, 0.1, 1e-5):
        got = student.batchnorm2d_forward(*args)  # the defaults
    else:
        got = student.batchnorm2d_forward(*args, training, momentum, eps)
    got = expect_tuple(got, BN_RESULT, name=f"batchnorm2d_forward(x {_shape(x)}, training={training})")
    for name, value, oracle in zip(BN_RESULT, got, expected, strict=True):
        _close(student, value, oracle, name=f"{name} (x {_shape(x)}, training={training})", rtol=rtol, atol=atol)
    return got


@EXERCISE.check("batchnorm2d_forward", points=3,
                title="режим обучения: выход и running-статистики как у F.batch_norm (неквадратные H×W, "
                      "батч из одного примера, канал-константа; допуск 1e-9)")
def bn_train_matches_torch(student, rng):
    n = int(rng.integers(3, 6))
    x = _batch(rng, n, 3, 5, 7)
    x[:, 1] = 0.7  # a constant channel: var = 0, out = bias
    shapes = [(1, 4, 3, 6), (2, int(rng.integers(5, 8)), 4, 1)]
    _bn_case(student, x, (*_affine(rng, 3), *_running(rng, 3)))
    for shape in shapes:
        _bn_case(student, _batch(rng, *shape), (*_affine(rng, shape[1]), *_running(rng, shape[1])))
    c = 2
    _bn_case(student, _batch(rng, 2, c, 3, 2), (*_affine(rng, c), *_running(rng, c)),
             momentum=float(rng.uniform(0.2, 0.9)), eps=1e-3)


@EXERCISE.check("batchnorm2d_forward", points=2,
                title="три шага обучения подряд и затем eval: состояние и выход как у nn.BatchNorm2d(C, "
                      "momentum=…) (скользящая дисперсия — несмещённая)")
def bn_steps_match_module(student, rng):
    import torch

    c, momentum = int(rng.integers(2, 5)), float(rng.uniform(0.05, 0.5))
    layer = torch.nn.BatchNorm2d(c, momentum=momentum, dtype=torch.float64)
    weight, bias = _affine(rng, c)
    with torch.no_grad():
        layer.weight.copy_(tensor(weight))
        layer.bias.copy_(tensor(bias))
    state = [AsTensor(np.zeros(c)), AsTensor(np.ones(c))]  # a fresh module's buffers
    for step in range(3):
        x = _batch(rng, int(rng.integers(2, 5)), c, int(rng.integers(2, 5)), int(rng.integers(5, 8)))
        with torch.no_grad():
            expected = layer.train()(tensor(x)).numpy()
        got = expect_tuple(student.batchnorm2d_forward(AsTensor(x), AsTensor(weight), AsTensor(bias), *state, True,
                                                       momentum), BN_RESULT, name="batchnorm2d_forward(...)")
        _close(student, got[0], expected, name=f"out на шаге {step + 1}")
        _close(student, got[1], layer.running_mean.numpy(), name=f"running_mean после шага {step + 1}")
        _close(student, got[2], layer.running_var.numpy(), name=f"running_var после шага {step + 1}")
        state = [AsTensor(got[1].array), AsTensor(got[2].array)]
    x = _batch(rng, 3, c, 4, 3)
    with torch.no_grad():
        expected = layer.eval()(tensor(x)).numpy()
    got = expect_tuple(student.batchnorm2d_forward(AsTensor(x), AsTensor(weight), AsTensor(bias), *state, False,
                                                   momentum), BN_RESULT, name="batchnorm2d_forward(...)")
    _close(student, got[0], expected, name="out в режиме eval после трёх шагов")


@EXERCISE.check("batchnorm2d_forward", points=2,
                title="режим eval: нормировка по running-статистикам, пример из батча обрабатывается так же, "
                      "как отдельно (батч из одного), статистики не меняются")
def bn_eval_uses_running_stats(student, rng):
    c = int(rng.integers(2, 6))
    x, params = _batch(rng, int(rng.integers(3, 6)), c, 3, 5), (*_affine(rng, c), *_running(rng, c))
    momentum = float(rng.uniform(0.05, 0.5))
    out = _bn_case(student, x, params, training=False, momentum=momentum)[0]
    single = _bn_case(student, x[1:2], params, training=False, momentum=momentum)[0]
    _close(student, single, out.array[1:2], name="выход eval для батча из одного примера x[1:2]")


# -- 36.2 layernorm ------------------------------------------------------------------------------


def _ln_oracle(x, normalized_shape, weight, bias, eps):
    import torch.nn.functional as F

    w = None if weight is None else tensor(weight)
    b = None if bias is None else tensor(bias)
    return F.layer_norm(tensor(x), tuple(normalized_shape), w, b, eps).numpy()


def _ln_case(student, x, normalized_shape, weight, bias, eps=1e-5):
    expected = _ln_oracle(x, normalized_shape, weight, bias, eps)
    args = (AsTensor(x), tuple(normalized_shape), _t(weight), _t(bias))
    got = student.layernorm(*args) if eps == 1e-5 else student.layernorm(*args, eps)
    return _close(student, got, expected, name=f"layernorm(x {_shape(x)}, normalized_shape={tuple(normalized_shape)})")


@EXERCISE.check("layernorm", points=2,
                title="как F.layer_norm: normalized_shape = (C, H, W) для (N, C, H, W) и (D,) для (B, T, D), "
                      "с weight и bias (допуск 1e-9)")
def ln_matches_torch(student, rng):
    shape = (int(rng.integers(2, 5)), 3, 4, int(rng.integers(5, 8)))
    _ln_case(student, _batch(rng, *shape), shape[1:], *_affine(rng, *shape[1:]))
    shape = (int(rng.integers(2, 4)), int(rng.integers(3, 6)), 7)
    _ln_case(student, _batch(rng, *shape), shape[2:], *_affine(rng, shape[2]))


@EXERCISE.check("layernorm", points=1,
                title="без weight и bias (None), другой eps, батч из одного примера, normalized_shape из двух осей")
def ln_options(student, rng):
    x = _batch(rng, 1, 3, 5, 2)
    _ln_case(student, x, (3, 5, 2), None, None)
    x = _batch(rng, 3, 2, 4, 6)
    x[0, 1] = 0.01 * x[0, 1]  # a slice with a tiny spread: where eps matters
    _ln_case(student, x, (4, 6), *_affine(rng, 4, 6), eps=1e-2)


@EXERCISE.check("layernorm", points=1,
                title="результат примера не зависит от остальных примеров батча; среднее каждого примера 0")
def ln_independent_of_batch(student, rng):
    shape = (int(rng.integers(3, 6)), 4, int(rng.integers(2, 4)), 5)
    x = _batch(rng, *shape)
    out = _ln_case(student, x, shape[1:], None, None)
    i = int(rng.integers(0, shape[0]))
    single = student.layernorm(AsTensor(x[i:i + 1]), shape[1:], None, None)
    _close(student, single, out[i:i + 1], name=f"layernorm(x[{i}:{i + 1}]) и строка {i} выхода для всего батча")
    means = out.reshape(shape[0], -1).mean(axis=1)
    expect(np.allclose(means, 0.0, atol=1e-10), f"среднее каждого примера после LayerNorm: {np.round(means, 6)}",
           "а должно быть 0 (без weight и bias)")


# -- 36.3 instancenorm2d ---------------------------------------------------------------------------


def _in_oracle(x, weight, bias, eps):
    import torch.nn.functional as F

    w = None if weight is None else tensor(weight)
    b = None if bias is None else tensor(bias)
    return F.instance_norm(tensor(x), weight=w, bias=b, eps=eps).numpy()


def _in_case(student, x, weight=None, bias=None, eps=1e-5):
    expected = _in_oracle(x, weight, bias, eps)
    if weight is None and eps == 1e-5:
        got = student.instancenorm2d(AsTensor(x))
    else:
        got = student.instancenorm2d(AsTensor(x), _t(weight), _t(bias), eps)
    return _close(student, got, expected, name=f"instancenorm2d(x {_shape(x)})")


@EXERCISE.check("instancenorm2d", points=2,
                title="как F.instance_norm без affine: каждая пара (пример, канал) по H×W; неквадратные карты, "
                      "батч из одного примера (допуск 1e-9)")
def in_matches_torch(student, rng):
    _in_case(student, _batch(rng, int(rng.integers(2, 5)), 3, 4, int(rng.integers(5, 9))))
    _in_case(student, _batch(rng, 1, int(rng.integers(2, 6)), 6, 3))


@EXERCISE.check("instancenorm2d", points=1, title="с affine (weight и bias по каналам) и другим eps")
def in_affine(student, rng):
    c = int(rng.integers(2, 6))
    x = _batch(rng, 2, c, 3, 5)
    x[1, 0] = 0.01 * x[1, 0]
    _in_case(student, x, *_affine(rng, c))
    _in_case(student, x, *_affine(rng, c), eps=1e-2)


@EXERCISE.check("instancenorm2d", points=1,
                title="инвариант: у каждой карты out[n, c] среднее 0 и смещённая дисперсия var/(var + eps)")
def in_invariants(student, rng):
    n, c, h, w = 3, int(rng.integers(2, 5)), 4, 6
    x = _batch(rng, n, c, h, w)
    x[0, 0] *= 0.003  # var ~ 1e-5: comparable with eps
    out = _in_case(student, x).reshape(n, c, -1)
    var = x.reshape(n, c, -1).var(axis=2)
    expect(np.allclose(out.mean(axis=2), 0.0, atol=1e-10),
           f"средние карт out[n, c]: {np.round(out.mean(axis=2), 6).tolist()}", "а должны быть 0")
    expect(np.allclose(out.var(axis=2), var / (var + 1e-5), rtol=1e-8),
           f"смещённые дисперсии карт out[n, c]: {np.round(out.var(axis=2), 6).tolist()}",
           f"а должны быть var/(var + eps): {np.round(var / (var + 1e-5), 6).tolist()}")


# -- 36.4 groupnorm --------------------------------------------------------------------------------


def _gn_oracle(x, num_groups, weight, bias, eps):
    import torch.nn.functional as F

    w = None if weight is None else tensor(weight)
    b = None if bias is None else tensor(bias)
    return F.group_norm(tensor(x), num_groups, w, b, eps).numpy()


def _gn_case(student, x, num_groups, weight, bias, eps=1e-5):
    expected = _gn_oracle(x, num_groups, weight, bias, eps)
    args = (AsTensor(x), num_groups, _t(weight), _t(bias))
    got = student.groupnorm(*args) if eps == 1e-5 else student.groupnorm(*args, eps)
    return _close(student, got, expected, name=f"groupnorm(x {_shape(x)}, num_groups={num_groups})")


@EXERCISE.check("groupnorm", points=2,
                title="как F.group_norm со случайными num_groups, weight и bias по каналам (неквадратные карты, "
                      "батч из одного примера; допуск 1e-9)")
def gn_matches_torch(student, rng):
    for n, groups, per_group in [(int(rng.integers(2, 4)), 2, 3), (1, 3, 2), (2, int(rng.integers(2, 5)), 4)]:
        c = groups * per_group
        _gn_case(student, _batch(rng, n, c, 3, int(rng.integers(4, 7))), groups, *_affine(rng, c))
    _gn_case(student, _batch(rng, 2, 4, 2, 5), 2, *_affine(rng, 4), eps=1e-2)


@EXERCISE.check("groupnorm", points=1,
                title="перебор форм (Hypothesis): N от 1, G от 1 до 4, C/G от 1 до 3, H и W от 1 до 5 — "
                      "как F.group_norm",
                examples=12)
@given(n=st.integers(1, 3), groups=st.integers(1, 4), per_group=st.integers(1, 3), h=st.integers(1, 5),
       w=st.integers(1, 5), seed=st.integers(0, 2**32 - 1))
def gn_shape_sweep(student, n, groups, per_group, h, w, seed):
    rng = np.random.default_rng(seed)
    c = groups * per_group
    if per_group * h * w == 1:  # one number per (example, group): the variance is 0, still defined
        h = 2
    _gn_case(student, _batch(rng, n, c, h, w), groups, *_affine(rng, c))


@EXERCISE.check("groupnorm", points=1,
                title="пределы: num_groups = 1 — это LayerNorm по (C, H, W), num_groups = C — InstanceNorm")
def gn_limits(student, rng):
    c = int(rng.integers(3, 7))
    x = _batch(rng, 2, c, 4, 3)
    got = student.groupnorm(AsTensor(x), 1, None, None)
    _close(student, got, _ln_oracle(x, x.shape[1:], None, None, 1e-5), name="groupnorm(x, 1) против LayerNorm")
    got = student.groupnorm(AsTensor(x), c, None, None)
    _close(student, got, _in_oracle(x, None, None, 1e-5), name=f"groupnorm(x, {c}) против InstanceNorm")


@EXERCISE.check("groupnorm", points=1, title="num_groups, не делящее число каналов C, — ValueError")
def gn_rejects_bad_groups(student, rng):
    c = int(rng.choice([5, 7]))
    x = _batch(rng, 2, c, 2, 3)
    description = f"groupnorm(x с C = {c}, num_groups=2)"
    expect_raises(lambda: student.groupnorm(AsTensor(x), 2, None, None), "ValueError", description)
