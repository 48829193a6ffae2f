"""Checks of exercise 31: autograd in PyTorch.

31.1: the functions ``f`` come from the trusted factories of ``grader/drivers/ex31_autograd.py``;
the oracle is torch autograd of the same function (rebuilt here from the same seed) in float64.
A step eps = 1e-3 separates central differences (error ~ eps²) from one-sided ones (~ eps).
31.2: the student's Function is applied through the driver; y, x.grad and beta.grad are compared
with autograd of the composed expression x·sigmoid(β·x); torch.autograd.gradcheck runs on (x, β).
31.3: the accumulated gradient is compared with autograd of the full-batch mean loss, and a
recording loss checks that it really was computed micro-batch by micro-batch.
"""

import numpy as np

from grader import oracles
from grader.compare import Mismatch, expect, expect_tensor
from grader.drivers import ex31_autograd as functions
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.wire import AsTensor, Defined, Helper


def _gradient_probes(rng):
    return [(Defined("numerical_gradient"), Helper("sin_poly", (5, (2, 3))), AsTensor(rng.uniform(-1, 1, (2, 3))),
             1e-3)]


def _swish_probes(rng):
    x = rng.uniform(-3, 3, (3, 4))
    return [(Defined("SwishFunction"), AsTensor(x), AsTensor(np.array(1.7)), AsTensor(rng.normal(size=(3, 4))), True)]


def _micro_probes(rng):
    return [(Defined("microbatch_gradient"), AsTensor(rng.normal(size=(3, 2))), AsTensor(rng.normal(size=(7, 3))),
             AsTensor(rng.normal(size=(7, 2))), 3)]


EXERCISE = Exercise(
    id="ex31_autograd",
    topic=31,
    framework="torch",
    part_names=["numerical_gradient", "SwishFunction", "microbatch_gradient"],
    forbidden_modules=(),
    forbidden_names=("silu", "SiLU"),
    drivers="ex31_autograd",
    probes={"numerical_gradient": _gradient_probes, "SwishFunction": _swish_probes,
            "microbatch_gradient": _micro_probes},
)


# -- 31.1 numerical_gradient ------------------------------------------------------------------


def _autograd(name, seed, x):
    """The exact gradient of factory ``name`` at ``x`` (torch float64 autograd)."""
    import torch

    t = oracles.tensor(x, requires_grad=True)
    p = {k: oracles.tensor(v) for k, v in functions.parameters(name, seed, x.shape).items()}
    if name == "quadratic":
        v = t.reshape(-1)
        value = 0.5 * v @ p["A"] @ v + p["b"] @ v
    else:
        value = (p["c"] * torch.sin(t) * t ** 2).sum()
    value.backward()
    return t.grad.numpy()


def _expect_gradient(student, name, seed, x, eps, rtol, atol):
    shape = tuple(int(s) for s in x.shape)
    result = student.drive("traced_gradient", Defined("numerical_gradient"), Helper(name, (int(seed), shape)),
                           AsTensor(x), eps)
    expect(isinstance(result, dict), "драйвер не получил результата numerical_gradient")
    expect_tensor(result["gradient"], _autograd(name, seed, x), device=student.device,
                  name=f"градиент {name} в точке формы {shape} (eps={eps:g})", rtol=rtol, atol=atol)
    return result


@EXERCISE.check("numerical_gradient", points=2,
                title="совпадает с autograd на квадратичной форме и Σc·sin(x)·x² (формы (3, 4), (1, 5), (2, 3, 2), "
                      "0-d; eps = 1e-6, допуск 1e-6)")
def matches_autograd(student, rng):
    for name, shape in (("quadratic", (3, 4)), ("sin_poly", (1, 5)), ("sin_poly", (2, 3, 2)), ("quadratic", ())):
        x = gaussian(rng, *shape)
        _expect_gradient(student, name, int(rng.integers(1 << 30)), x, 1e-6, rtol=1e-6, atol=1e-6)


@EXERCISE.check("numerical_gradient", points=2,
                title="центральная разность: при eps = 1e-3 ошибка порядка eps² (допуск 1e-5), а не eps")
def central_not_one_sided(student, rng):
    for name, shape in (("sin_poly", (4, 3)), ("quadratic", (5,))):
        x = rng.uniform(-1.5, 1.5, size=shape)
        _expect_gradient(student, name, int(rng.integers(1 << 30)), x, 1e-3, rtol=1e-5, atol=1e-5)


@EXERCISE.check("numerical_gradient", points=1,
                title="x после вызова не изменён; результат — float64 на устройстве x (вход 1×1)")
def input_unchanged(student, rng):
    for shape in ((2, 5), (1, 1)):
        x = gaussian(rng, *shape)
        result = _expect_gradient(student, "sin_poly", int(rng.integers(1 << 30)), x, 1e-4, rtol=1e-4, atol=1e-4)
        expect(result["unchanged"] is True,
               f"после numerical_gradient(f, x) тензор x формы {shape} изменился: сдвигайте копию "
               "(x + шаг) или верните координату на место")


# -- 31.2 SwishFunction -----------------------------------------------------------------------


def _swish_oracle(x, beta, grad_output):
    """y, dL/dx, dL/dβ for L = Σ y·grad_output, autograd of x·sigmoid(β·x) in float64."""
    import torch

    xt, bt = oracles.tensor(x, requires_grad=True), oracles.tensor(beta, requires_grad=True)
    y = xt * torch.sigmoid(bt * xt)
    y.backward(oracles.tensor(grad_output))
    return y.detach().numpy(), xt.grad.numpy(), bt.grad.numpy()


def _expect_swish(student, x, beta, grad_output, rtol=1e-10, atol=1e-12):
    result = student.drive("apply_swish", Defined("SwishFunction"), AsTensor(x), AsTensor(beta),
                           AsTensor(grad_output), True)
    y, gx, gb = _swish_oracle(x, beta, grad_output)
    where = f"x формы {x.shape}, β формы {beta.shape}"
    expect_tensor(result["y"], y, device=student.device, name=f"y = SwishFunction.apply(x, β) ({where})",
                  rtol=rtol, atol=atol)
    expect_tensor(result["x_grad"], gx, device=student.device, name=f"x.grad ({where})", rtol=rtol, atol=atol)
    expect(result["beta_grad"] is not None,
           f"β.grad = None ({where}): backward должен вернуть градиент и по β, а не None")
    expect_tensor(result["beta_grad"], gb, device=student.device, name=f"β.grad ({where})", rtol=rtol,
                  atol=atol * max(1.0, x.size))
    return result


@EXERCISE.check("SwishFunction", points=3,
                title="y, x.grad и β.grad совпадают с autograd выражения x·σ(βx) (β скаляр и вектор по "
                      "последней оси, батч 1, допуск 1e-10)")
def matches_composed_autograd(student, rng):
    cases = [((3, 4), ()), ((1, 6), (6,)), ((2, 3, 5), (5,)), ((7,), ())]
    for shape, beta_shape in cases:
        x = rng.normal(0.0, 2.0, size=shape)
        beta = rng.uniform(0.3, 2.5, size=beta_shape) * rng.choice([-1.0, 1.0], size=beta_shape)
        _expect_swish(student, x, beta, gaussian(rng, *shape))


@EXERCISE.check("SwishFunction", points=2,
                title="torch.autograd.gradcheck принимает функцию по x и β (float64, eps = 1e-6, atol = 1e-5)")
def passes_gradcheck(student, rng):
    for shape, beta_shape in (((3, 4), ()), ((2, 3), (3,)), ((1,), ())):
        x = rng.normal(0.0, 2.0, size=shape)
        beta = rng.uniform(0.5, 2.0, size=beta_shape)
        ok = student.drive("gradcheck_swish", Defined("SwishFunction"), AsTensor(x), AsTensor(beta))
        expect(ok is True, f"torch.autograd.gradcheck отверг функцию на x формы {shape}, β формы {beta_shape}: "
                           "backward не согласуется с конечными разностями вашего forward")


@EXERCISE.check("SwishFunction", points=1,
                title="настоящая autograd.Function: свой узел grad_fn, ctx.save_for_backward, форма/dtype/устройство "
                      "x; конечна при |βx| до 1000")
def real_function_and_extremes(student, rng):
    x = np.array([-1000.0, -400.0, -30.0, -1.0, 0.0, 0.5, 30.0, 400.0, 1000.0])
    result = _expect_swish(student, x, np.array(rng.uniform(0.8, 1.0)), rng.uniform(0.5, 2.0, size=x.shape),
                           atol=1e-300)
    expect(result["is_function"] is True, "SwishFunction должна наследовать torch.autograd.Function")
    expect(result["custom_node"] is True,
           "y.grad_fn — не узел вашей функции: вызывайте SwishFunction.apply(x, beta), а не forward напрямую")
    expect(result["saved"] >= 1, "forward не сохранил ни одного тензора через ctx.save_for_backward: "
                                 "храните тензоры для backward только так, а не в атрибутах ctx")
    expect(result["keeps_device_dtype_shape"] is True, "y и x.grad должны иметь форму, dtype и устройство x")


# -- 31.3 microbatch_gradient -----------------------------------------------------------------


def _full_batch_gradient(w, x, y):
    import torch

    wt = oracles.tensor(w, requires_grad=True)
    loss = ((torch.tanh(oracles.tensor(x) @ wt) - oracles.tensor(y)) ** 2).sum(dim=1).mean()
    loss.backward()
    return wt.grad.numpy()


def _problem(rng, n):
    d, k = int(rng.integers(2, 6)), int(rng.integers(1, 4))
    return gaussian(rng, d, k, scale=0.7), gaussian(rng, n, d), gaussian(rng, n, k)


def _expect_micro(student, w, x, y, micro_batch):
    """Through the tracing driver (the same call in every check, so the probes fit every failure)."""
    result = student.drive("traced_microbatch", Defined("microbatch_gradient"), AsTensor(w), AsTensor(x),
                           AsTensor(y), micro_batch)
    expect(isinstance(result, dict), "драйвер не получил результата microbatch_gradient")
    expect_tensor(result["gradient"], _full_batch_gradient(w, x, y), device=student.device,
                  name=f"градиент (N = {x.shape[0]}, micro_batch = {micro_batch}, w формы {w.shape})",
                  rtol=1e-10, atol=1e-12)
    return result


@EXERCISE.check("microbatch_gradient", points=2,
                title="равен градиенту средней потери по всему батчу (autograd), когда N делится на micro_batch")
def equals_full_batch(student, rng):
    for chunks, micro in ((4, 3), (3, 5), (2, 1)):
        _expect_micro(student, *_problem(rng, chunks * micro), micro)


@EXERCISE.check("microbatch_gradient", points=2,
                title="последний микробатч короче (N не делится), micro_batch = 1 и micro_batch > N")
def uneven_chunks(student, rng):
    n = int(rng.integers(3, 6)) * 4 + int(rng.integers(1, 4))  # never a multiple of 4
    _expect_micro(student, *_problem(rng, n), 4)
    _expect_micro(student, *_problem(rng, 7), 1)
    _expect_micro(student, *_problem(rng, 5), 8)
    _expect_micro(student, *_problem(rng, 1), 3)


@EXERCISE.check("microbatch_gradient", points=1,
                title="loss_fn вызывается на кусках x[0:m], x[m:2m], … по порядку; вход w не получает grad")
def really_micro_batches(student, rng):
    m = int(rng.integers(2, 5))
    n = m * int(rng.integers(2, 4)) + int(rng.integers(1, m))
    w, x, y = _problem(rng, n)
    result = _expect_micro(student, w, x, y, m)
    expected = [[s, min(m, n - s)] for s in range(0, n, m)]
    if result["chunks"] != expected:
        raise Mismatch(f"N = {n}, micro_batch = {m}: loss_fn вызвана на кусках (начало, размер) {result['chunks']}",
                       f"а ожидались {expected}: ни один вызов не должен видеть больше micro_batch строк")
    expect(result["input_untouched"] is True,
           "входной тензор w получил requires_grad или .grad: работайте с листовой копией "
           "w.detach().clone().requires_grad_(True)")
