"""Checks of exercise 37: Dropout and Dropout2d with an explicit generator, and MC-dropout prediction.

Random layers are graded by exact properties (every output is 0 or x / (1 - p); in
Dropout2d every feature map is dropped or kept as a whole), by exact binomial bounds on the
number of dropped elements or maps, by reproducibility (the same generator seed gives the
same result whatever the global RNG state; another seed gives another mask) and by the
identities of eval mode, p = 0 and p = 1. The driver ``grader/drivers/ex37_dropout.py``
builds the generator in the worker on the input's device.

MC dropout runs through the same driver on a small seeded network with BatchNorm and two
``nn.Dropout`` layers (one nested): the driver records every forward pass (output and the
mode of every module), so the returned mean and std are compared exactly with those of the
recorded passes, and the modes during and after the call are checked, with the BatchNorm
buffers, which must not change.
"""


import numpy as np

from grader.bounds import binomial_bounds
from grader.compare import Mismatch, expect, expect_tensor, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.wire import AsTensor, Defined, TensorValue

FALSE_REJECT = 1e-6  # the largest probability that one statistical check fails a correct solution


def _seed(rng):
    return int(rng.integers(0, 2**31 - 1))


def _dropout_probes(rng):
    return [(Defined("dropout"), 11, 5, AsTensor(gaussian(rng, 40, 30)), 0.3, True)]


def _dropout2d_probes(rng):
    return [(Defined("dropout2d"), 11, 5, AsTensor(gaussian(rng, 8, 12, 3, 2)), 0.3, True)]


EXERCISE = Exercise(
    id="ex37_dropout",
    topic=37,
    framework="torch",
    part_names=["dropout", "dropout2d", "mc_predict"],
    forbidden_modules=(),
    forbidden_names=("dropout1d", "Dropout1d", "dropout2d", "Dropout2d", "dropout3d", "Dropout3d",
                     "alpha_dropout", "AlphaDropout", "feature_alpha_dropout", "FeatureAlphaDropout",
                     "native_dropout"),
    drivers="ex37_dropout",
    probes={"dropout": _dropout_probes, "dropout2d": _dropout2d_probes},
)


def _run(student, part, x, p, training, seed, global_seed=0):
    got = student.drive("with_generator", Defined(part), seed, global_seed, AsTensor(x), p, training)
    expect(isinstance(got, TensorValue), f"{part}(x, p={p}, training={training}, generator): ожидался "
                                         f"torch.Tensor, получено {type(got).__name__}")
    return got


def _kept(student, part, x, p, seed, global_seed=0):
    """The student's training-mode output, checked to be x * keep / (1 - p); returns the keep mask."""
    got = _run(student, part, x, p, True, seed, global_seed)
    keep = got.array != 0 if got.array.shape == x.shape else np.zeros(x.shape, bool)
    if part == "dropout2d" and got.array.shape == x.shape:
        keep = np.broadcast_to(keep.any(axis=(2, 3), keepdims=True), x.shape)
    expect_tensor(got, np.where(keep, x / (1.0 - p), 0.0), device=student.device,
                  name=f"{part}(x, p={p}, training=True) (ненулевые должны быть x / (1 − p), "
                       f"{'каналы целиком' if part == 'dropout2d' else 'поэлементно'})",
                  rtol=1e-12, atol=1e-300)
    return keep


def _identities(student, part, x, seed):
    p = 0.4
    expect_tensor(_run(student, part, x, p, False, seed), x, device=student.device,
                  name=f"{part}(x, p={p}, training=False) — в режиме eval слой тождественный", rtol=0, atol=0)
    expect_tensor(_run(student, part, x, 0.0, True, seed), x, device=student.device,
                  name=f"{part}(x, p=0, training=True)", rtol=0, atol=0)
    expect_tensor(_run(student, part, x, 1.0, True, seed), np.zeros_like(x), device=student.device,
                  name=f"{part}(x, p=1, training=True) — всё выброшено, нули без NaN", rtol=0, atol=0)


def _reproducible(student, part, x, p, rng):
    seed = _seed(rng)
    first = _run(student, part, x, p, True, seed, global_seed=1)
    again = _run(student, part, x, p, True, seed, global_seed=2)
    expect(np.array_equal(first.array, again.array),
           f"{part}: два вызова с одним seed генератора (и разным глобальным состоянием torch.manual_seed) "
           "дали разные маски — случайные числа берутся не из переданного generator")
    other = _run(student, part, x, p, True, seed + 1, global_seed=1)
    expect(not np.array_equal(first.array, other.array),
           f"{part}: генераторы с разными seed дали одинаковый результат — маска не случайна")


def _count_check(dropped, total, p, what):
    lo, hi = binomial_bounds(total, p, FALSE_REJECT)
    expect(lo <= dropped <= hi,
           f"выброшено {dropped} {what} из {total} при p = {p}: ожидается около {p * total:.0f}, "
           f"допустимо от {lo} до {hi} (вероятность ложного отказа ≤ {FALSE_REJECT:g})",
           "p — вероятность ВЫБРОСИТЬ элемент, а не сохранить")


# -- 37.1 dropout ------------------------------------------------------------------------------


@EXERCISE.check("dropout", points=2,
                title="каждый выход равен 0 или x/(1 − p); eval, p = 0 и p = 1 — тождество, тождество и нули")
def dropout_exact(student, rng):
    for shape in ((1, 7), (5, 3, 4)):
        _kept(student, "dropout", gaussian(rng, *shape), float(rng.choice([0.2, 0.5])), _seed(rng))
    _identities(student, "dropout", gaussian(rng, 3, 5), _seed(rng))


@EXERCISE.check("dropout", points=2,
                title="доля нулей на 200 000 элементах соответствует p (точные биномиальные границы), "
                      "маски строк батча независимы")
def dropout_statistics(student, rng):
    """False-reject rate: at most 1e-6 for the count, and below 1e-8 for two identical rows of 100."""
    p = float(rng.choice([0.2, 0.3, 0.7]))
    x = gaussian(rng, 2000, 100) + 10.0 * np.sign(gaussian(rng, 2000, 100))  # no zeros in x
    keep = _kept(student, "dropout", x, p, _seed(rng))
    _count_check(int((~keep).sum()), x.size, p, "элементов")
    expect(not (keep == keep[0]).all(axis=1)[1:].any(),
           "у разных примеров батча одинаковая маска: маску надо тянуть для каждого элемента x, "
           "а не одну на все строки")


@EXERCISE.check("dropout", points=1,
                title="воспроизводимость: маска зависит только от переданного generator, другой seed — другая маска")
def dropout_uses_generator(student, rng):
    _reproducible(student, "dropout", gaussian(rng, 6, 9), 0.5, rng)


# -- 37.2 dropout2d ----------------------------------------------------------------------------


@EXERCISE.check("dropout2d", points=2,
                title="каждая карта (n, c) выброшена целиком или умножена на 1/(1 − p); eval, p = 0, p = 1")
def dropout2d_exact(student, rng):
    for shape in ((1, 3, 4, 5), (4, 6, 2, 3)):
        _kept(student, "dropout2d", gaussian(rng, *shape), float(rng.choice([0.25, 0.5])), _seed(rng))
    _identities(student, "dropout2d", gaussian(rng, 2, 3, 4, 2), _seed(rng))


@EXERCISE.check("dropout2d", points=2,
                title="доля выброшенных каналов на 40 000 картах соответствует p; маски примеров независимы")
def dropout2d_statistics(student, rng):
    """False-reject rate: at most 1e-6 for the count, and below 1e-9 for two identical samples of 400 channels."""
    p = float(rng.choice([0.2, 0.3, 0.6]))
    x = gaussian(rng, 100, 400, 2, 3) + 10.0 * np.sign(gaussian(rng, 100, 400, 2, 3))
    keep = _kept(student, "dropout2d", x, p, _seed(rng))[:, :, 0, 0]
    _count_check(int((~keep).sum()), keep.size, p, "карт признаков")
    expect(not (keep == keep[0]).all(axis=1)[1:].any(),
           "у разных примеров батча одинаковые выброшенные каналы: маска формы (N, C, 1, 1), а не (1, C, 1, 1)")


@EXERCISE.check("dropout2d", points=1,
                title="воспроизводимость: маска зависит только от переданного generator, другой seed — другая маска")
def dropout2d_uses_generator(student, rng):
    _reproducible(student, "dropout2d", gaussian(rng, 3, 4, 2, 2), 0.5, rng)


# -- 37.3 mc_predict ---------------------------------------------------------------------------


def _mc(student, rng, batch, samples):
    features, hidden, outputs = int(rng.integers(3, 6)), int(rng.integers(16, 25)), int(rng.integers(2, 5))
    x = gaussian(rng, batch, features)
    report = student.drive("mc_run", Defined("mc_predict"), _seed(rng), AsTensor(x), samples,
                           [hidden, outputs], 0.5)
    label = f"mc_predict(model, x формы {x.shape}, samples={samples})"
    mean, std = expect_tuple(report["result"], ("mean", "std"), name=label)
    return report, label, mean, std


@EXERCISE.check("mc_predict", points=2,
                title="ровно samples проходов; mean и std (correction=1) совпадают с записанными выходами модели")
def mc_statistics(student, rng):
    for batch, samples in ((1, 3), (5, 20)):
        report, label, mean, std = _mc(student, rng, batch, samples)
        passes = report["outputs"].array
        expect(passes.shape[0] == samples, f"{label}: модель вызвана {passes.shape[0]} раз, а нужно {samples}")
        expect_tensor(mean, passes.mean(axis=0), device=student.device, name=f"mean в {label}")
        expect_tensor(std, passes.std(axis=0, ddof=1), device=student.device, name=f"std в {label}",
                      rtol=1e-9, atol=1e-12)


@EXERCISE.check("mc_predict", points=2,
                title="во время проходов все nn.Dropout (и вложенные) в режиме train, BatchNorm и прочие — в eval; "
                      "буферы BatchNorm не меняются")
def mc_modes_during(student, rng):
    report, label, _, _ = _mc(student, rng, 4, 5)
    for i, modes in enumerate(report["modes"]):
        wrong = [name for name, training in modes.items() if training != (name in ("3", "4.2"))]
        if wrong:
            raise Mismatch(f"{label}, проход {i + 1}: режим неверен у модулей {', '.join(wrong)}",
                           "в режиме train должны быть только слои nn.Dropout (модули 3 и 4.2), остальные — в eval; "
                           f"режимы: {modes}")
    expect(not report["changed_buffers"],
           f"{label}: изменились буферы {', '.join(report['changed_buffers'])} — BatchNorm работал в режиме train")


@EXERCISE.check("mc_predict", points=1,
                title="после вызова режимы всех модулей восстановлены; проходы без графа autograd")
def mc_restores(student, rng):
    report, label, _, _ = _mc(student, rng, 2, 4)
    changed = [name for name in report["before"] if report["after"].get(name) != report["before"][name]]
    expect(not changed, f"{label}: после вызова режим изменился у модулей {', '.join(changed)} — "
                        "верните каждому модулю режим, который был до вызова")
    expect(not any(report["grad"]), f"{label}: выходы модели требуют градиента — проходы выполнялись "
                                    "без torch.no_grad(), и граф autograd строился зря")
