"""Checks of exercise 11: one step of SGD with momentum, Adam, RMSprop and Adagrad in NumPy.

Oracle: the real ``torch.optim`` optimizer in float64 (``foreach=False``), fed the same
gradients through ``p.grad``, step after step; its ``optimizer.state[p]`` is the oracle
for the student's state dict. The student's returned parameter and state are fed back into
the next call, so every step is compared where it happens (the failing call is the one
the mistake matcher replays). Invariants that need no torch: Adam's first step is about
lr * sign(g) at any gradient scale, and Adagrad with a constant gradient moves by lr/sqrt(t).
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import expect, expect_array, expect_int, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian

OPTIMIZERS = {"sgd_momentum_step": "SGD", "adam_step": "Adam", "rmsprop_step": "RMSprop",
              "adagrad_step": "Adagrad"}


# -- probes: inputs that tell the catalogued mistakes apart --------------------------------


def _sgd_probes(rng):
    p, g, b = gaussian(rng, 2, 3), gaussian(rng, 2, 3), gaussian(rng, 2, 3)
    return [(p, g, {"momentum_buffer": b}, 0.1, 0.9), (p, g, {}, 0.1, 0.9, 0.5)]


def _adam_probes(rng):
    p, g = gaussian(rng, 2, 3), gaussian(rng, 2, 3)
    return [(p, g, {}), (p, 1e-8 * g, {"step": 3, "exp_avg": 1e-8 * g, "exp_avg_sq": 1e-16 * g * g}, 0.01)]


def _rmsprop_probes(rng):
    p, g = gaussian(rng, 2, 3), gaussian(rng, 2, 3)
    return [(p, g, {}), (p, g, {"square_avg": g * g + 0.5}, 0.01, 0.9)]


def _adagrad_probes(rng):
    p, g = gaussian(rng, 2, 3), gaussian(rng, 2, 3)
    return [(p, g, {"step": 2, "sum": g * g + 1.0}, 0.1, 0.5)]


EXERCISE = Exercise(
    id="ex11_optimizers",
    topic=11,
    framework="numpy",
    part_names=["sgd_momentum_step", "adam_step", "rmsprop_step", "adagrad_step"],
    probes={"sgd_momentum_step": _sgd_probes, "adam_step": _adam_probes,
            "rmsprop_step": _rmsprop_probes, "adagrad_step": _adagrad_probes},
)


# -- oracle: torch.optim in float64 ---------------------------------------------------------


class TorchRun:
    """One parameter under a real ``torch.optim`` optimizer; ``step(grad, lr)`` returns (param, state)."""

    def __init__(self, function, param0, **hyper):
        import torch

        self.param = torch.nn.Parameter(oracles.tensor(param0))
        self.optimizer = getattr(torch.optim, OPTIMIZERS[function])([self.param], foreach=False, **hyper)

    def step(self, grad, lr=None):
        if lr is not None:
            self.optimizer.param_groups[0]["lr"] = lr
        self.param.grad = oracles.tensor(grad)
        self.optimizer.step()
        state = {key: (int(value) if key == "step" else value.detach().numpy().copy())
                 for key, value in self.optimizer.state[self.param].items() if value is not None}
        return self.param.detach().numpy().copy(), state

    def current(self):
        return self.param.detach().numpy().copy()


def _call(student, function, param, grad, state, step, **kwargs):
    """One student step: returns (new_param, new_state) after checking the result's form."""
    result = getattr(student, function)(param, grad, state, **kwargs)
    new_param, new_state = expect_tuple(result, ("new_param", "new_state"),
                                        name=f"шаг {step}: {function}(...)")
    expect(isinstance(new_state, dict),
           f"шаг {step}: new_state должен быть словарём (dict), получено {type(new_state).__name__}")
    return new_param, new_state


def _follow(student, function, param0, grads, *, lrs=None, state_keys=(), **hyper):
    """Run the student and torch side by side over ``grads``; compare after every step.

    ``hyper`` go to both (the student as keyword arguments); ``lrs`` change lr before each
    step (like a scheduler); ``state_keys`` are state entries compared with torch's.
    """
    oracle = TorchRun(function, param0, **hyper)
    param, state = param0, {}
    for t, grad in enumerate(grads, start=1):
        kwargs = dict(hyper)
        if lrs is not None:
            kwargs["lr"] = lrs[t - 1]
        new_param, new_state = _call(student, function, param, grad, state, t, **kwargs)
        expected_param, expected_state = oracle.step(grad, None if lrs is None else lrs[t - 1])
        expect_array(new_param, expected_param, name=f"param после шага {t}")
        _compare_state(new_state, expected_state, state_keys, t)
        param, state = new_param, new_state
    return param


def _compare_state(state, expected, keys, step):
    for key in keys:
        expect(key in state, f"после шага {step} в new_state нет ключа {key!r} (есть: {sorted(state)})")
        if key == "step":
            expect_int(state[key], expected[key], name=f"state['step'] после шага {step}")
        else:
            expect_array(state[key], expected[key], name=f"state[{key!r}] после шага {step}")


def _gradients(rng, steps, *shape, scale=1.0):
    """A sequence of gradients whose size changes from step to step (so averages matter)."""
    return [gaussian(rng, *shape, scale=scale * rng.uniform(0.3, 3.0)) for _ in range(steps)]


# -- 11.1 SGD with momentum -----------------------------------------------------------------


@EXERCISE.check("sgd_momentum_step", points=3,
                title="тяжёлый шарик: 8 шагов по вытянутой квадратичной «ложбине» совпадают с "
                      "torch.optim.SGD(momentum=μ); формы (3, 4) и (1,)")
def heavy_ball_matches_torch(student, rng):
    curvature = rng.uniform(0.5, 50.0, size=(3, 4))
    lr, momentum = float(0.5 / curvature.max()), rng.uniform(0.5, 0.95)
    oracle = TorchRun("sgd_momentum_step", gaussian(rng, 3, 4), lr=lr, momentum=momentum)
    param, state = oracle.current(), {}
    for t in range(1, 9):  # the gradient of f = 1/2 sum(h * theta^2), taken at the current parameters
        new_param, state = _call(student, "sgd_momentum_step", param, curvature * param, state, t,
                                 lr=lr, momentum=momentum)
        expected, _ = oracle.step(curvature * oracle.current())
        param = expect_array(new_param, expected, name=f"param после шага {t}")
    _follow(student, "sgd_momentum_step", gaussian(rng, 1), _gradients(rng, 8, 1), lr=0.1, momentum=0.9)


@EXERCISE.check("sgd_momentum_step", points=2,
                title="nesterov=True: 8 шагов совпадают с torch.optim.SGD(nesterov=True), форма (2, 3, 2)")
def nesterov_matches_torch(student, rng):
    _follow(student, "sgd_momentum_step", gaussian(rng, 2, 3, 2), _gradients(rng, 8, 2, 3, 2),
            lr=rng.uniform(0.01, 0.2), momentum=rng.uniform(0.5, 0.95), nesterov=True)


@EXERCISE.check("sgd_momentum_step", points=2,
                title="lr меняется на каждом шаге (как у планировщика): траектория совпадает с torch "
                      "и без Нестерова, и с ним")
def changing_lr_matches_torch(student, rng):
    lrs = [float(lr) for lr in 0.3 * rng.uniform(0.2, 1.0, size=8)]
    for nesterov in (False, True):
        _follow(student, "sgd_momentum_step", gaussian(rng, 4, 2), _gradients(rng, 8, 4, 2), lrs=lrs,
                lr=lrs[0], momentum=rng.uniform(0.7, 0.95), nesterov=nesterov)


@EXERCISE.check("sgd_momentum_step", points=2,
                title="dampening и weight_decay как в torch: на первом шаге буфер равен g "
                      "(без множителя 1 − dampening); форма (4, 3)")
def dampening_and_weight_decay(student, rng):
    _follow(student, "sgd_momentum_step", gaussian(rng, 4, 3), _gradients(rng, 6, 4, 3),
            lr=rng.uniform(0.01, 0.1), momentum=rng.uniform(0.6, 0.9), dampening=rng.uniform(0.2, 0.6),
            weight_decay=rng.uniform(0.05, 0.5))


@EXERCISE.check("sgd_momentum_step", points=1,
                title="state['momentum_buffer'] совпадает с optimizer.state[p] после каждого шага; "
                      "при momentum=0 — обычный SGD")
def momentum_buffer_matches_torch(student, rng):
    _follow(student, "sgd_momentum_step", gaussian(rng, 3, 2), _gradients(rng, 5, 3, 2),
            state_keys=("momentum_buffer",), lr=0.05, momentum=rng.uniform(0.5, 0.95))
    _follow(student, "sgd_momentum_step", gaussian(rng, 1), _gradients(rng, 3, 1), lr=0.1, momentum=0.0)


# -- 11.2 Adam ------------------------------------------------------------------------------


@EXERCISE.check("adam_step", points=3,
                title="10 шагов с параметрами по умолчанию и со случайными lr, betas совпадают "
                      "с torch.optim.Adam; формы (3, 4) и (1,)")
def adam_matches_torch(student, rng):
    _follow(student, "adam_step", gaussian(rng, 3, 4), _gradients(rng, 10, 3, 4))
    betas = (float(rng.uniform(0.5, 0.95)), float(rng.uniform(0.9, 0.9999)))
    _follow(student, "adam_step", gaussian(rng, 1), _gradients(rng, 10, 1), lr=rng.uniform(0.01, 0.1),
            betas=betas)


@EXERCISE.check("adam_step", points=2,
                title="первый шаг из {}: param − lr·g/(|g| + eps) ≈ param − lr·sign(g) при любом "
                      "масштабе g (коррекция смещения; свойство, Hypothesis)", examples=15)
@given(seed=st.integers(0, 2**32 - 1), log_scale=st.floats(-4.0, 4.0), lr=st.floats(1e-4, 0.1))
def adam_first_step_is_sign_like(student, seed, log_scale, lr):
    rng = np.random.default_rng(seed)
    param, grad = gaussian(rng, 2, 3), gaussian(rng, 2, 3, scale=10.0 ** log_scale)
    new_param, _ = _call(student, "adam_step", param, grad, {}, 1, lr=lr)
    expect_array(new_param, param - lr * grad / (np.abs(grad) + 1e-8), name="param после первого шага",
                 rtol=1e-9, atol=1e-12)


@EXERCISE.check("adam_step", points=2,
                title="градиенты порядка 1e-8: eps прибавляется к √v̂, а не под корнем (10 шагов против torch)")
def adam_tiny_gradients(student, rng):
    _follow(student, "adam_step", gaussian(rng, 2, 5), _gradients(rng, 10, 2, 5, scale=1e-8), lr=0.01)


@EXERCISE.check("adam_step", points=2,
                title="weight_decay как в Adam (L2 добавляется к градиенту до моментов), а не как в AdamW")
def adam_weight_decay(student, rng):
    _follow(student, "adam_step", gaussian(rng, 2, 3), _gradients(rng, 8, 2, 3), lr=0.05,
            weight_decay=rng.uniform(0.1, 0.5))


@EXERCISE.check("adam_step", points=1,
                title="state: 'step' — целое число сделанных шагов, 'exp_avg' и 'exp_avg_sq' совпадают "
                      "с optimizer.state[p]")
def adam_state_matches_torch(student, rng):
    _follow(student, "adam_step", gaussian(rng, 4), _gradients(rng, 6, 4), state_keys=("step", "exp_avg",
                                                                                         "exp_avg_sq"))


# -- 11.3 RMSprop ---------------------------------------------------------------------------


@EXERCISE.check("rmsprop_step", points=3,
                title="10 шагов с параметрами по умолчанию и со случайными lr, alpha совпадают "
                      "с torch.optim.RMSprop; формы (3, 4) и (1,)")
def rmsprop_matches_torch(student, rng):
    _follow(student, "rmsprop_step", gaussian(rng, 3, 4), _gradients(rng, 10, 3, 4))
    _follow(student, "rmsprop_step", gaussian(rng, 1), _gradients(rng, 10, 1), lr=rng.uniform(1e-3, 0.05),
            alpha=rng.uniform(0.5, 0.95))


@EXERCISE.check("rmsprop_step", points=1,
                title="градиенты порядка 1e-8: eps прибавляется к корню, а не под корнем (10 шагов против torch)")
def rmsprop_tiny_gradients(student, rng):
    _follow(student, "rmsprop_step", gaussian(rng, 3, 2), _gradients(rng, 10, 3, 2, scale=1e-8), lr=1e-3)


@EXERCISE.check("rmsprop_step", points=2,
                title="centered=True: знаменатель √(s − a²) + eps, 8 шагов совпадают с torch; "
                      "state['grad_avg'] тоже")
def rmsprop_centered(student, rng):
    grads = [g + 2.0 for g in _gradients(rng, 8, 2, 4)]  # a mean far from 0, so that a**2 matters
    _follow(student, "rmsprop_step", gaussian(rng, 2, 4), grads, state_keys=("square_avg", "grad_avg"),
            lr=1e-3, alpha=rng.uniform(0.8, 0.99), centered=True)


@EXERCISE.check("rmsprop_step", points=2,
                title="weight_decay и state['square_avg'] совпадают с torch после каждого шага")
def rmsprop_weight_decay_and_state(student, rng):
    _follow(student, "rmsprop_step", gaussian(rng, 5, 2), _gradients(rng, 6, 5, 2), state_keys=("square_avg",),
            lr=1e-2, weight_decay=rng.uniform(0.1, 0.5))


# -- 11.4 Adagrad ---------------------------------------------------------------------------


@EXERCISE.check("adagrad_step", points=3,
                title="10 шагов с параметрами по умолчанию совпадают с torch.optim.Adagrad; "
                      "формы (3, 4) и (1,)")
def adagrad_matches_torch(student, rng):
    _follow(student, "adagrad_step", gaussian(rng, 3, 4), _gradients(rng, 10, 3, 4))
    _follow(student, "adagrad_step", gaussian(rng, 1), _gradients(rng, 10, 1), lr=rng.uniform(0.05, 0.5))


@EXERCISE.check("adagrad_step", points=2,
                title="постоянный градиент: шаг t равен lr·g/(√t·|g| + eps), то есть убывает как lr/√t "
                      "(накопление суммы квадратов)")
def adagrad_constant_gradient(student, rng):
    param, state, lr = gaussian(rng, 2, 3), {}, rng.uniform(0.05, 0.5)
    grad = gaussian(rng, 2, 3) * rng.uniform(0.1, 10.0)
    for t in range(1, 9):
        new_param, state = _call(student, "adagrad_step", param, grad, state, t, lr=lr)
        expected = param - lr * grad / (np.sqrt(t) * np.abs(grad) + 1e-10)
        param = expect_array(new_param, expected, name=f"param после шага {t}", rtol=1e-9, atol=1e-12)


@EXERCISE.check("adagrad_step", points=2,
                title="lr_decay, initial_accumulator_value и weight_decay: 8 шагов совпадают с torch")
def adagrad_options(student, rng):
    _follow(student, "adagrad_step", gaussian(rng, 3, 3), _gradients(rng, 8, 3, 3), lr=0.1,
            lr_decay=rng.uniform(0.1, 1.0), initial_accumulator_value=rng.uniform(0.1, 1.0),
            weight_decay=rng.uniform(0.05, 0.3))


@EXERCISE.check("adagrad_step", points=1,
                title="state: 'step' — целое число шагов, 'sum' совпадает с optimizer.state[p] после каждого шага")
def adagrad_state_matches_torch(student, rng):
    _follow(student, "adagrad_step", gaussian(rng, 2, 2), _gradients(rng, 5, 2, 2), state_keys=("step", "sum"),
            initial_accumulator_value=rng.uniform(0.0, 0.5))

