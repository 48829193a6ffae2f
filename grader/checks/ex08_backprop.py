"""Checks of exercise 8: backpropagation through X -> Linear -> tanh -> Linear -> MSE in NumPy.

Oracles: the same network built from ``F.linear``, ``torch.tanh`` and ``F.mse_loss`` in
float64, differentiated by autograd, and trained by ``torch.optim.SGD`` step by step.
Shapes keep N, D, H and K apart, so that a transposed gradient cannot pass by accident.
"""

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import Mismatch, describe_type, expect, expect_array, expect_scalar, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian

GRAD_ORDER = ("W2", "b2", "W1", "b1", "X")  # the order in which backprop produces them
PARAM_NAMES = ("W1", "b1", "W2", "b2")
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])


def network(rng, batch, inputs, hidden, outputs, scale=1.0):
    """(X, Y, W1, b1, W2, b2) with every entry distinct."""
    return (gaussian(rng, batch, inputs, scale=scale), gaussian(rng, batch, outputs),
            gaussian(rng, hidden, inputs, scale=scale), gaussian(rng, hidden),
            gaussian(rng, outputs, hidden), gaussian(rng, outputs))


def xor_init(rng, hidden=4, scale=0.5):
    """Initial (W1, b1, W2, b2) for XOR: 2 inputs, ``hidden`` tanh units, one output."""
    return (gaussian(rng, hidden, 2, scale=scale), gaussian(rng, hidden, scale=scale),
            gaussian(rng, 1, hidden, scale=scale), gaussian(rng, 1, scale=scale))


def _forward(torch_params, x):
    import torch
    import torch.nn.functional as F

    W1, b1, W2, b2 = torch_params
    return F.linear(torch.tanh(F.linear(x, W1, b1)), W2, b2)


def oracle_forward_backward(X, Y, W1, b1, W2, b2):
    """Loss and the gradients with respect to X, W1, b1, W2, b2 (autograd, float64)."""
    import torch.nn.functional as F

    leaves = {name: oracles.tensor(a, requires_grad=True)
              for name, a in zip(("X", *PARAM_NAMES), (X, W1, b1, W2, b2), strict=True)}
    loss = F.mse_loss(_forward([leaves[n] for n in PARAM_NAMES], leaves["X"]), oracles.tensor(Y))
    loss.backward()
    return float(loss), {name: leaf.grad.numpy() for name, leaf in leaves.items()}


def oracle_train(X, Y, W1, b1, W2, b2, lr, epochs):
    """The same training run with torch.optim.SGD: losses before each step and the final weights."""
    import torch
    import torch.nn.functional as F

    params = [oracles.tensor(a, requires_grad=True) for a in (W1, b1, W2, b2)]
    optimizer = torch.optim.SGD(params, lr=lr)
    x, y = oracles.tensor(X), oracles.tensor(Y)
    losses = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = F.mse_loss(_forward(params, x), y)
        losses.append(loss.item())
        loss.backward()
        optimizer.step()
    return np.array(losses, dtype=np.float64), {n: p.detach().numpy() for n, p in zip(PARAM_NAMES, params,
                                                                                        strict=True)}


EXERCISE = Exercise(
    id="ex08_backprop",
    topic=8,
    framework="numpy",
    part_names=["mlp_forward_backward", "train_gd"],
    probes={
        "mlp_forward_backward": lambda rng: [network(rng, 3, 2, 4, 2), network(rng, 1, 3, 2, 1)],
        "train_gd": lambda rng: [(XOR_X, XOR_Y, *xor_init(rng, hidden=3), 0.2, 5)],
    },
)


def _expect_dict(got, names, what):
    if not isinstance(got, dict):
        raise Mismatch(f"{what}: ожидался словарь с ключами {', '.join(names)}, получено {describe_type(got)}")
    missing = [n for n in names if n not in got]
    expect(not missing, f"{what}: в словаре нет ключей {', '.join(missing)} "
                        f"(нужны ключи {', '.join(names)})")
    return got


def _expect_shape(got, like, name):
    """A float64 array of ``like``'s shape with finite entries; the values are judged elsewhere."""
    if not isinstance(got, np.ndarray):
        raise Mismatch(f"{name}: ожидался numpy.ndarray формы {like.shape}, получено {describe_type(got)}")
    expect(got.shape == like.shape, f"{name}: форма {got.shape}, а ожидалась {like.shape}")
    expect(got.dtype == np.float64, f"{name}: тип элементов {got.dtype}, а ожидался float64")
    expect(bool(np.isfinite(got).all()), f"{name}: есть NaN или бесконечные значения")
    return got


def _expect_forward_backward(student, args, loss_only=False):
    loss, grads = expect_tuple(student.mlp_forward_backward(*args), ("loss", "grads"),
                               name="mlp_forward_backward(...)")
    loss_ref, grads_ref = oracle_forward_backward(*args)
    expect_scalar(loss, loss_ref, name="loss", rtol=1e-10, atol=1e-12)
    if loss_only:
        return
    grads = _expect_dict(grads, GRAD_ORDER, "grads")
    for name in GRAD_ORDER:
        expect_array(grads[name], grads_ref[name], name=f'grads["{name}"]', rtol=1e-9, atol=1e-12)


def _expect_training(student, args, loss_rtol=1e-8):
    losses, params = expect_tuple(student.train_gd(*args), ("losses", "params"), name="train_gd(...)")
    losses_ref, params_ref = oracle_train(*args)
    expect_array(losses, losses_ref, name="losses", rtol=loss_rtol, atol=1e-12)
    params = _expect_dict(params, PARAM_NAMES, "params")
    for name in PARAM_NAMES:
        expect_array(params[name], params_ref[name], name=f'params["{name}"]', rtol=1e-8, atol=1e-10)
    return losses, params


# -- 8.1 mlp_forward_backward ----------------------------------------------------------------


@EXERCISE.check("mlp_forward_backward", points=1,
                title="потеря совпадает с F.mse_loss (среднее по всем N·K элементам), N ≠ K, N = 1")
def loss_matches_torch(student, rng):
    for shape in [(5, 3, 4, 2), (1, 4, 3, 3), (3, 2, 6, 4)]:  # (N, D, H, K)
        _expect_forward_backward(student, network(rng, *shape), loss_only=True)


@st.composite
def _networks(draw):
    shape = [draw(st.integers(1, top)) for top in (6, 5, 6, 4)]
    return network(np.random.default_rng(draw(st.integers(0, 2**32 - 1))), *shape)


@EXERCISE.check("mlp_forward_backward", points=3,
                title="все пять градиентов (X, W1, b1, W2, b2) совпадают с autograd на случайных формах "
                      "(допуск 1e-9)")
@given(args=_networks())
@example(args=network(np.random.default_rng(8), 4, 3, 5, 2))
def gradients_match_autograd(student, args):
    _expect_forward_backward(student, args)


@EXERCISE.check("mlp_forward_backward", points=1,
                title="батч из одного примера и насыщенный tanh (|Z1| порядка 100): градиенты конечны и точны")
def gradients_edge_cases(student, rng):
    _expect_forward_backward(student, network(rng, 1, 3, 4, 2))
    _expect_forward_backward(student, network(rng, 4, 3, 5, 2, scale=8.0))


# -- 8.2 train_gd ----------------------------------------------------------------------------


@EXERCISE.check("train_gd", points=3,
                title="траектория на XOR совпадает с torch.optim.SGD шаг за шагом (100 эпох)")
def xor_trajectory_matches_torch(student, rng):
    hidden = int(rng.integers(2, 6))
    _expect_training(student, (XOR_X, XOR_Y, *xor_init(rng, hidden), float(rng.uniform(0.1, 0.3)), 100))


@EXERCISE.check("train_gd", points=1,
                title="неквадратная регрессия (N=7, D=3, H=5, K=2) и одна эпоха совпадают с torch.optim.SGD")
def regression_trajectory_matches_torch(student, rng):
    X, Y, *weights = network(rng, 7, 3, 5, 2, scale=0.5)
    _expect_training(student, (X, Y, *weights, 0.05, 25))
    _expect_training(student, (X, Y, *weights, 0.05, 1))


@EXERCISE.check("train_gd", points=2,
                title="сеть с 4 скрытыми нейронами выучивает XOR: потеря < 0.01 и верный ответ на всех 4 точках")
def learns_xor(student, rng):
    lr, epochs = 0.2, 400
    for _ in range(20):  # an initialisation from which gradient descent (the oracle) solves XOR
        weights = xor_init(rng)
        reference_losses, _ = oracle_train(XOR_X, XOR_Y, *weights, lr, epochs)
        if reference_losses[-1] < 1e-3:
            break
    losses, params = expect_tuple(student.train_gd(XOR_X, XOR_Y, *weights, lr, epochs), ("losses", "params"),
                                  name="train_gd(...)")
    losses = _expect_shape(losses, reference_losses, "losses")
    expect(losses[-1] < 0.01, f"после {epochs} эпох потеря {losses[-1]:.4g}, а должна быть меньше 0.01 "
                              f"(у torch.optim.SGD с теми же весами она {reference_losses[-1]:.2g})")
    params = _expect_dict(params, PARAM_NAMES, "params")
    for name, initial in zip(PARAM_NAMES, weights, strict=True):
        _expect_shape(params[name], initial, f'params["{name}"]')
    hidden = np.tanh(XOR_X @ params["W1"].T + params["b1"])
    predictions = (hidden @ params["W2"].T + params["b2"])[:, 0]
    answers = (predictions > 0.5).astype(int)
    expect(np.array_equal(answers, XOR_Y[:, 0].astype(int)),
           f"обученная сеть отвечает {answers.tolist()} на входах (0,0), (0,1), (1,0), (1,1), "
           f"а XOR — [0, 1, 1, 0] (выходы сети: {np.round(predictions, 3).tolist()})")
