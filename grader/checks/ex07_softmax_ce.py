"""Checks of exercise 7: softmax and cross-entropy in NumPy, against torch in float64."""

import numpy as np
from hypothesis import example, given
from hypothesis.extra import numpy as nps

from grader import oracles
from grader.compare import expect_array, expect_scalar
from grader.exercise import Exercise
from grader.strategies import arrays, gaussian, logits_and_targets

# Probes: inputs that tell the catalogued mistakes apart (large logits, mixed rows, B > 1).


def _softmax_probes(rng):
    return [(np.array([[1000.0, 1001.0, 1002.0], [-2000.0, -2001.0, -2003.0]]),), (gaussian(rng, 4, 5, scale=3.0),)]


def _loss_probes(rng):
    logits, targets = gaussian(rng, 4, 5, scale=3.0), np.array([0, 2, 4, 1])
    return [(logits, targets), (logits[:1] * 3000, targets[:1])]


def _gradient_probes(rng):
    return [(gaussian(rng, 4, 5, scale=3.0), np.array([0, 2, 4, 1]))]


EXERCISE = Exercise(
    id="ex07_softmax_ce",
    topic=7,
    framework="numpy",
    part_names=["softmax", "cross_entropy", "cross_entropy_backward"],
    probes={"softmax": _softmax_probes, "cross_entropy": _loss_probes, "cross_entropy_backward": _gradient_probes},
)

SHAPES = nps.array_shapes(min_dims=1, max_dims=4, min_side=1, max_side=4)


def _expect_loss(student, logits, targets, name="cross_entropy"):
    return expect_scalar(student.cross_entropy(logits, targets), oracles.cross_entropy(logits, targets)[0], name=name)


def _expect_gradient(student, logits, targets):
    grad = oracles.cross_entropy(logits, targets)[1]
    return expect_array(student.cross_entropy_backward(logits, targets), grad, name="градиент")


# -- 7.1 softmax ------------------------------------------------------------------------


@EXERCISE.check("softmax", points=2, title="совпадает с torch.softmax на массивах ранга 1–4 (допуск 1e-10)")
@given(logits=arrays(SHAPES, bound=20.0))
def softmax_matches_torch(student, logits):
    expect_array(student.softmax(logits), oracles.softmax(logits), name="softmax(logits)")


@EXERCISE.check("softmax", points=2, title="конечен и точен при логитах порядка 1e3–1e4")
def softmax_is_stable(student, rng):
    cases = [
        np.array([1000.0, 1001.0, 1002.0]),
        np.array([[1000.0, 1001.0, 1002.0], [-2000.0, -2001.0, -2003.0]]),
        gaussian(rng, 2, 3, 4, scale=1e4),
    ]
    for logits in cases:
        expect_array(student.softmax(logits), oracles.softmax(logits), name="softmax(logits)")


@EXERCISE.check("softmax", points=1, title="нормирует по последней оси у неквадратного батча (B ≠ C)")
def softmax_normalises_last_axis(student, rng):
    logits = gaussian(rng, 3, 5)
    probs = expect_array(student.softmax(logits), oracles.softmax(logits), name="softmax(logits)")
    expect_array(probs.sum(axis=-1), np.ones(3), name="сумма по последней оси")


# -- 7.2 cross_entropy ------------------------------------------------------------------


@EXERCISE.check("cross_entropy", points=2,
                title="совпадает с F.cross_entropy (среднее по батчу) на случайных батчах")
@given(batch=logits_and_targets())
@example(batch=(np.array([[10.0, 0.0]]), np.array([1])))
def cross_entropy_matches_torch(student, batch):
    _expect_loss(student, *batch)


@EXERCISE.check("cross_entropy", points=2, title="конечна и точна при логитах порядка 1e4 (уверенная ошибка)")
def cross_entropy_is_stable(student, rng):
    cases = [
        (np.array([[1e4, 0.0, -1e4]]), np.array([2])),
        (gaussian(rng, 4, 6, scale=3e3), rng.integers(0, 6, size=4)),
    ]
    for logits, targets in cases:
        _expect_loss(student, logits, targets)


@EXERCISE.check("cross_entropy", points=1, title="потеря батча — среднее потерь его примеров")
def cross_entropy_is_batch_mean(student, rng):
    logits, targets = gaussian(rng, 5, 4), rng.integers(0, 4, size=5)
    each = [_expect_loss(student, logits[b:b + 1], targets[b:b + 1], name=f"cross_entropy примера {b}")
            for b in range(5)]
    expect_scalar(student.cross_entropy(logits, targets), float(np.mean(each)),
                  name="cross_entropy батча")


# -- 7.3 cross_entropy_backward ---------------------------------------------------------


@EXERCISE.check("cross_entropy_backward", points=3,
                title="совпадает с градиентом autograd для F.cross_entropy")
@given(batch=logits_and_targets())
def gradient_matches_autograd(student, batch):
    _expect_gradient(student, *batch)


@EXERCISE.check("cross_entropy_backward", points=1, title="конечен при логитах порядка 1e4")
def gradient_is_stable(student, rng):
    _expect_gradient(student, gaussian(rng, 3, 5, scale=1e4), np.array([0, 4, 2]))


@EXERCISE.check("cross_entropy_backward", points=1,
                title="строки градиента суммируются в 0, а повтор батча вдвое уменьшает градиент")
def gradient_invariants(student, rng):
    logits, targets = gaussian(rng, 3, 4), rng.integers(0, 4, size=3)
    grad = _expect_gradient(student, logits, targets)
    expect_array(grad.sum(axis=1), np.zeros(3), name="сумма строки градиента", atol=1e-12)
    twice = student.cross_entropy_backward(np.concatenate([logits, logits]), np.concatenate([targets, targets]))
    expect_array(twice, np.concatenate([grad, grad]) / 2, name="градиент повторённого батча")
