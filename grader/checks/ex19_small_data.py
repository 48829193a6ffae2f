"""Checks of exercise 19: augmentations in NumPy, freezing a backbone and one fine-tuning step in torch.

Augmentations are random, so they are graded by exact properties (a flip is the image or
its mirror; a crop is a window of the zero-padded image), by reproducibility from the
generator's seed, and by exact binomial bounds on frequencies whose false-reject rate is
stated. Freezing and fine-tuning run inside the worker through the trusted driver
``grader/drivers/ex19_finetune.py`` on a small randomly initialised CNN (no pretrained
weights); the expected update is recomputed here with autograd in float64.
"""


import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader import oracles
from grader.bounds import binomial_bounds
from grader.compare import Mismatch, expect, expect_array, expect_scalar
from grader.exercise import Exercise
from grader.strategies import arrays, gaussian, seed_from
from grader.wire import AsTensor, Defined, Rng, TensorValue

EXERCISE = Exercise(
    id="ex19_small_data",
    topic=19,
    framework="torch",
    part_names=["random_hflip", "random_crop", "freeze_backbone", "fine_tune_step"],
    forbidden_modules=("torchvision",),
    forbidden_names=("RandomHorizontalFlip", "RandomCrop"),
    drivers="ex19_finetune",
)

FALSE_REJECT = 1e-6  # the largest probability that a statistical check fails a correct solution


def _drivers():
    from grader.drivers import ex19_finetune

    return ex19_finetune


def _expect_image(got, shape, name):
    """A float64 array of ``shape`` (values are checked by the caller)."""
    if isinstance(got, TensorValue):
        raise Mismatch(f"{name}: вернули torch.Tensor, а нужен numpy.ndarray")
    expect(isinstance(got, np.ndarray), f"{name}: ожидался numpy.ndarray формы {shape}, получено {type(got).__name__}")
    expect(got.shape == tuple(shape), f"{name}: форма {got.shape}, а ожидалась {tuple(shape)}")
    expect(got.dtype == np.float64, f"{name}: тип элементов {got.dtype}, а ожидался float64")
    return got


def _mirror(image):
    return image[:, :, ::-1].copy()


# -- 19.1 random_hflip ------------------------------------------------------------------------


def _flip_outcome(got, image, name):
    """True if ``got`` is the mirror of ``image``, False if it is ``image``; otherwise a mismatch."""
    got = _expect_image(got, image.shape, name)
    if np.array_equal(got, _mirror(image)):
        return True
    if np.array_equal(got, image):
        return False
    vertical = np.array_equal(got, image[:, ::-1, :])
    raise Mismatch(f"{name}: результат не равен ни исходному изображению, ни его отражению по ширине "
                   f"(наибольшее отличие от отражения {np.abs(got - _mirror(image)).max():.3g})",
                   "это отражение по высоте (ось H), а не по ширине (ось W)" if vertical
                   else f"входное изображение формы {image.shape} (C, H, W)")


@EXERCISE.check("random_hflip", points=2,
                title="p=1 всегда отражает по ширине (ось W), p=0 не меняет; неквадратные C×H×W, float64")
def flip_extremes(student, rng):
    for shape in [(3, 4, 5), (1, 6, 2), (2, 1, 7), (2, 3, 1)]:
        image = gaussian(rng, *shape)
        for _ in range(2):
            expect_array(student.random_hflip(image, 1.0, Rng(seed_from(rng))), _mirror(image),
                         name=f"random_hflip(image {shape}, p=1)", rtol=0, atol=0)
            expect_array(student.random_hflip(image, 0.0, Rng(seed_from(rng))), image.copy(),
                         name=f"random_hflip(image {shape}, p=0)", rtol=0, atol=0)


@EXERCISE.check("random_hflip", points=2,
                title="при 0<p<1 — изображение или его зеркало, доля отражений ≈ p (биномиальный критерий)")
def flip_frequency(student, rng):
    """1000 calls with one generator; the number of flips must lie in the exact binomial interval whose
    two tails together have probability at most 1e-6 (the false-reject rate of this check)."""
    p, n = float(rng.choice([0.2, 0.3, 0.65, 0.8])), 1000
    image = gaussian(rng, 2, 3, 4)
    outputs = student.drive("repeat_calls", Defined("random_hflip"), seed_from(rng), n, (image, p))
    flips = sum(_flip_outcome(out, image, f"вызов №{i + 1} random_hflip(image (2, 3, 4), p={p})")
                for i, out in enumerate(outputs))
    lo, hi = binomial_bounds(n, p, FALSE_REJECT)
    expect(lo <= flips <= hi,
           f"из {n} вызовов с одним генератором и p={p} отражено {flips} изображений, ожидалось около {n * p:.0f}",
           f"при верной реализации число отражений лежит в [{lo}, {hi}] с вероятностью не меньше 1 − 1e-6")


@EXERCISE.check("random_hflip", points=1,
                title="случайность только из rng: тот же seed — те же решения, другой seed — другие")
def flip_reproducible(student, rng):
    """40 calls per seed at p=0.5: two different seeds give identical flip patterns with
    probability 2^-40 (about 1e-12), far below the allowed false-reject rate 1e-6."""
    image = gaussian(rng, 3, 2, 5)
    seed_a, seed_b = seed_from(rng), seed_from(rng)

    def pattern(seed):
        outputs = student.drive("repeat_calls", Defined("random_hflip"), seed, 40, (image, 0.5))
        return [_flip_outcome(out, image, f"вызов №{i + 1} random_hflip(image (3, 2, 5), p=0.5)")
                for i, out in enumerate(outputs)]

    first, again, other = pattern(seed_a), pattern(seed_a), pattern(seed_b)
    expect(first == again, "два прогона по 40 вызовов с генераторами с одинаковым seed дали разные решения: "
                           "случайность берётся не только из rng")
    expect(first != other, "генераторы с разными seed дали одинаковые 40 решений: ваша функция "
                           "не использует переданный rng (np.random.*, random или фиксированный seed?)")


# -- 19.2 random_crop -------------------------------------------------------------------------


def _pad(image, padding):
    return np.pad(image, ((0, 0), (padding, padding), (padding, padding)))


def _windows(image, size, padding):
    """{bytes of a window: (top, left)} over every position of the window in the padded image."""
    padded, (h, w) = _pad(image, padding), size
    return {padded[:, t:t + h, left:left + w].tobytes(): (t, left)
            for t in range(padded.shape[1] - h + 1) for left in range(padded.shape[2] - w + 1)}


def _expect_window(got, image, size, padding, name, windows=None):
    """The (top, left) of the window of the zero-padded image that ``got`` equals."""
    got = _expect_image(got, (image.shape[0], *size), name)
    windows = windows if windows is not None else _windows(image, size, padding)
    offset = windows.get(np.ascontiguousarray(got).tobytes())
    if offset is not None:
        return offset
    padded, (h, w) = _pad(image, padding), size
    errors = {(t, left): float(np.abs(got - padded[:, t:t + h, left:left + w]).max()) for t, left in windows.values()}
    (t, left), error = min(errors.items(), key=lambda item: item[1])
    raise Mismatch(f"{name}: результат не совпадает ни с одним окном {h}×{w} изображения, дополненного нулями "
                   f"до {padded.shape} (padding={padding} с каждой стороны по H и W)",
                   f"ближайшее окно — с верхним левым углом (top={t}, left={left}), наибольшее отличие {error:.3g}")


@st.composite
def _crop_cases(draw):
    channels, height, width = draw(st.integers(1, 3)), draw(st.integers(1, 6)), draw(st.integers(1, 6))
    padding = draw(st.integers(0, 3))
    size = (draw(st.integers(1, height + 2 * padding)), draw(st.integers(1, width + 2 * padding)))
    image = draw(arrays((channels, height, width), bound=10.0))
    return image, size, padding, draw(st.integers(0, 2**31 - 1))


@EXERCISE.check("random_crop", points=2,
                title="результат (C, h, w) — окно изображения, дополненного нулями (Hypothesis: формы, size, padding)")
@given(case=_crop_cases())
@example(case=(np.arange(1.0, 13.0).reshape(1, 3, 4), (3, 2), 1, 7))
def crop_is_window(student, case):
    image, size, padding, seed = case
    _expect_window(student.random_crop(image, size, padding, Rng(seed)), image, size, padding,
                   f"random_crop(image {image.shape}, size={size}, padding={padding})")


@EXERCISE.check("random_crop", points=2,
                title="все положения окна достижимы и равновероятны (биномиальные границы для каждого)")
def crop_offsets_uniform(student, rng):
    """2000 calls with one generator. Each of the K positions must occur a number of times inside
    its exact Binomial(2000, 1/K) interval with tails alpha/K (alpha = 1e-6): by the union bound
    a correct solution fails with probability at most 1e-6."""
    channels, height, width, padding, size = [(2, 5, 7, 2, (6, 8)), (3, 6, 4, 1, (5, 5)),
                                              (1, 4, 4, 2, (4, 4))][int(rng.integers(3))]
    image, n = gaussian(rng, channels, height, width), 2000
    windows = _windows(image, size, padding)
    outputs = student.drive("repeat_calls", Defined("random_crop"), seed_from(rng), n, (image, size, padding))
    name = f"random_crop(image {image.shape}, size={size}, padding={padding})"
    counts = dict.fromkeys(windows.values(), 0)
    for i, out in enumerate(outputs):
        counts[_expect_window(out, image, size, padding, f"вызов №{i + 1} {name}", windows)] += 1
    positions = len(counts)
    lo, hi = binomial_bounds(n, 1 / positions, FALSE_REJECT / positions)
    tops = sorted({t for t, _ in counts})
    lefts = sorted({left for _, left in counts})
    for (t, left), count in sorted(counts.items()):
        expect(lo <= count <= hi,
               f"{name}: из {n} вызовов окно с углом (top={t}, left={left}) выпало {count} раз, а при равномерном "
               f"выборе из {positions} положений ожидается около {n / positions:.0f} (допустимо от {lo} до {hi})",
               f"допустимые top: {tops[0]}…{tops[-1]}, left: {lefts[0]}…{lefts[-1]}; ложный отказ ≤ 1e-6",
               f"ни разу не выпало: {[k for k, c in sorted(counts.items()) if c == 0]}"[:300])


@EXERCISE.check("random_crop", points=1,
                title="крайние случаи: окно во всю высоту; без padding и с size=(H, W) — само изображение; "
                      "окно во весь дополненный массив; один канал; тот же seed — тот же результат")
def crop_edge_cases(student, rng):
    image = gaussian(rng, 1, 3, 5)
    _expect_window(student.random_crop(image, (3, 2), 0, Rng(seed_from(rng))), image, (3, 2), 0,
                   "random_crop(image (1, 3, 5), size=(3, 2), padding=0)")
    expect_array(student.random_crop(image, (3, 5), 0, Rng(seed_from(rng))), image.copy(),
                 name="random_crop(image (1, 3, 5), size=(3, 5), padding=0)", rtol=0, atol=0)
    expect_array(student.random_crop(image, (7, 9), 2, Rng(seed_from(rng))), _pad(image, 2),
                 name="random_crop(image (1, 3, 5), size=(7, 9), padding=2)", rtol=0, atol=0)
    image, seed = gaussian(rng, 3, 4, 4), seed_from(rng)
    first = _expect_image(student.random_crop(image, (4, 4), 3, Rng(seed)), (3, 4, 4), "первый вызов")
    expect_array(student.random_crop(image, (4, 4), 3, Rng(seed)), first,
                 name="random_crop(image (3, 4, 4), size=(4, 4), padding=3) с тем же seed", rtol=0, atol=0)


# -- 19.3 freeze_backbone ---------------------------------------------------------------------


def _spec(channels, widths, hidden, head_bn, dropout, classes):
    return {"channels": channels, "widths": widths, "hidden": hidden, "head_bn": head_bn, "dropout": dropout,
            "classes": classes}


def _describe(spec):
    head = (f"Linear→{'BatchNorm1d→' if spec['head_bn'] else ''}ReLU→" if spec["hidden"] else "") + \
           (f"Dropout({spec['dropout']})→" if spec["dropout"] else "") + "Linear"
    return (f"модель: backbone из {len(spec['widths'])} блоков Conv3×3→BatchNorm2d→ReLU (каналы "
            f"{spec['channels']}→{'→'.join(map(str, spec['widths']))}), head = {head} на {spec['classes']} класса(ов)")


def _freeze_report(student, rng, spec):
    seed = seed_from(rng)
    x = gaussian(rng, 4, spec["channels"], 5, 6)
    report = student.drive("run_freeze", Defined("freeze_backbone"), spec, seed, AsTensor(x))
    expect(isinstance(report, dict), "driver: неожиданный результат")
    return report, seed


def _listing(items, limit=4):
    shown = ", ".join(items[:limit])
    return shown + (f" и ещё {len(items) - limit}" if len(items) > limit else "")


def _head_spec(rng):
    return _spec(3, [int(w) for w in rng.choice([3, 4, 5], size=int(rng.integers(1, 3)))], int(rng.integers(4, 7)),
                 True, 0.3, int(rng.integers(2, 5)))


@EXERCISE.check("freeze_backbone", points=2,
                title="requires_grad=False у всех параметров backbone и True у всех параметров head "
                      "(архитектура зависит от seed)")
def freeze_flags(student, rng):
    spec = _head_spec(rng)
    report, _ = _freeze_report(student, rng, spec)
    flags = report["requires_grad"]
    wrong = [f"{name}={flag}" for name, flag in flags.items() if flag != name.startswith("head.")]
    expect(not wrong, f"у {len(wrong)} из {len(flags)} параметров неверный requires_grad: {_listing(wrong)}",
           "нужно: backbone.* — False (заморожены), head.* — True (обучаются)", _describe(spec))


@EXERCISE.check("freeze_backbone", points=2,
                title="BatchNorm в backbone переведены в eval, модули head (Dropout, BatchNorm1d) остались в train")
def freeze_modes(student, rng):
    import torch

    spec = _head_spec(rng)
    report, seed = _freeze_report(student, rng, spec)
    model = _drivers().build_model(spec, seed)
    modes = report["training"]
    wrong = []
    for name, module in model.named_modules():
        if name.startswith("backbone") and isinstance(module, torch.nn.modules.batchnorm._BatchNorm):
            if modes.get(name, True):
                wrong.append(f"{name} ({type(module).__name__}) в режиме train, а должен быть в eval")
        elif name.startswith("head") and not modes.get(name, False):
            wrong.append(f"{name} ({type(module).__name__}) в режиме eval, а голова должна обучаться (train)")
    expect(not wrong, f"неверный режим у {len(wrong)} модулей: {_listing(wrong, 3)}", _describe(spec))


@EXERCISE.check("freeze_backbone", points=2,
                title="после заморозки проход вперёд не меняет статистики BatchNorm backbone, "
                      "а backward даёт градиенты только параметрам head")
def freeze_behaviour(student, rng):
    spec = _spec(2, [3, 4, 5], 0, False, 0.0, int(rng.integers(3, 6)))
    report, _ = _freeze_report(student, rng, spec)
    changed = [name for name, flag in report["buffer_changed"].items() if flag and name.startswith("backbone.")]
    expect(not changed, f"проход вперёд (model(x) в режимах, оставленных вашей функцией) изменил буферы "
                        f"backbone: {_listing(changed)}", _describe(spec))
    wrong = [f"{name}: градиент {'есть' if flag else 'нет'}" for name, flag in report["has_grad"].items()
             if flag != name.startswith("head.")]
    expect(not wrong, f"после loss.backward(): {_listing(wrong)}",
           "градиент должны получить только параметры head", _describe(spec))


# -- 19.4 fine_tune_step ----------------------------------------------------------------------


def _step_spec(rng):
    return _spec(2, [3, 4], int(rng.choice([0, 5])), False, 0.0, 3)


def _batch(rng, size, spec):
    return gaussian(rng, size, spec["channels"], 4, 5), rng.integers(0, spec["classes"], size=size)


def _run_steps(student, spec, seed, how, batches, lr):
    x, y = np.concatenate([b[0] for b in batches]), np.concatenate([b[1] for b in batches])
    sizes = tuple(len(b[1]) for b in batches)
    result = student.drive("run_steps", Defined("fine_tune_step"), spec, seed, how, AsTensor(x), AsTensor(y),
                           sizes, lr)
    expect(isinstance(result, dict), "driver: неожиданный результат")
    state = {name: value.array for name, value in result["state"].items()}
    return result["losses"], state


def _expected_steps(spec, seed, how, batches, lr):
    """Oracle: the same model, frozen the same way; plain SGD steps computed with autograd."""
    import torch
    import torch.nn.functional as F

    drivers = _drivers()
    model = drivers.freeze(drivers.build_model(spec, seed), how)
    losses = []
    for x, y in batches:
        params = [p for p in model.parameters() if p.requires_grad]
        loss = F.cross_entropy(model(oracles.tensor(x)), oracles.tensor(y).long())
        grads = torch.autograd.grad(loss, params)
        with torch.no_grad():
            for p, g in zip(params, grads, strict=True):
                p.sub_(lr * g)
        losses.append(float(loss))
    return losses, {name: t.detach().numpy().copy() for name, t in model.state_dict().items()}


def _initial_state(spec, seed):
    return {name: t.numpy().copy() for name, t in _drivers().build_model(spec, seed).state_dict().items()}


def _expect_losses(got, expected, context):
    expect(isinstance(got, list) and len(got) == len(expected), "driver: неожиданный результат")
    for i, (value, reference) in enumerate(zip(got, expected, strict=True)):
        if isinstance(value, TensorValue):
            raise Mismatch(f"шаг {i + 1}: fine_tune_step вернула torch.Tensor, а нужно число float (loss.item())")
        expect_scalar(value, reference, name=f"потеря, возвращённая на шаге {i + 1} ({context})",
                      rtol=1e-10, atol=1e-12)


def _expect_state(got, expected, names, context):
    for name in names:
        try:
            expect_array(got[name], expected[name], name=name, rtol=1e-10, atol=1e-12)
        except Mismatch as e:
            raise Mismatch(*e.lines, f"ожидалось по SGD с градиентом autograd; {context}") from None


@EXERCISE.check("fine_tune_step", points=2,
                title="замороженные параметры и буферы BatchNorm backbone после шага побитово не меняются")
def step_keeps_frozen(student, rng):
    spec, seed, lr = _step_spec(rng), seed_from(rng), float(rng.uniform(0.1, 0.5))
    _, state = _run_steps(student, spec, seed, "backbone", [_batch(rng, 4, spec)], lr)
    initial = _initial_state(spec, seed)
    for name, before in initial.items():
        if not name.startswith("backbone."):
            continue
        after = state[name]
        expect(after.shape == before.shape and np.array_equal(after, before),
               f"{name} изменился после fine_tune_step (наибольшее изменение "
               f"{float(np.abs(after.astype(float) - before.astype(float)).max()):.3g}), а замороженные параметры "
               f"и статистики BatchNorm (backbone в режиме eval) должны остаться прежними бит в бит",
               f"{_describe(spec)}; один шаг, батч из 4 примеров, lr={lr:.3g}")


@EXERCISE.check("fine_tune_step", points=3,
                title="head обновлена ровно как SGD: θ − lr·∇θL по autograd (допуск 1e-10); возвращена потеря до шага")
def step_matches_sgd(student, rng):
    spec, seed, lr = _step_spec(rng), seed_from(rng), float(rng.uniform(0.1, 0.5))
    batches = [_batch(rng, 5, spec)]
    losses, state = _run_steps(student, spec, seed, "backbone", batches, lr)
    expected_losses, expected = _expected_steps(spec, seed, "backbone", batches, lr)
    context = f"батч из 5 примеров, lr={lr:.3g}"
    _expect_state(state, expected, [n for n in expected if n.startswith("head.")], context)
    _expect_losses(losses, expected_losses, context)


@EXERCISE.check("fine_tune_step", points=2,
                title="два шага подряд (батч из 1, затем из 3): градиенты прошлого шага не накапливаются")
def step_twice(student, rng):
    spec, seed, lr = _step_spec(rng), seed_from(rng), float(rng.uniform(0.1, 0.5))
    batches = [_batch(rng, 1, spec), _batch(rng, 3, spec)]
    losses, state = _run_steps(student, spec, seed, "backbone", batches, lr)
    expected_losses, expected = _expected_steps(spec, seed, "backbone", batches, lr)
    context = f"два вызова подряд на батчах из 1 и 3 примеров, lr={lr:.3g}"
    _expect_state(state, expected, [n for n in expected if n.startswith("head.")], context)
    _expect_losses(losses, expected_losses, context)


@EXERCISE.check("fine_tune_step", points=2,
                title="обновляются все параметры с requires_grad=True, не только head "
                      "(заморожена лишь первая свёртка, BatchNorm в train)")
def step_updates_all_trainable(student, rng):
    spec, seed, lr = _step_spec(rng), seed_from(rng), float(rng.uniform(0.05, 0.2))
    batches = [_batch(rng, 3, spec)]
    losses, state = _run_steps(student, spec, seed, "first", batches, lr)
    expected_losses, expected = _expected_steps(spec, seed, "first", batches, lr)
    context = f"заморожен только backbone.0, вся модель в режиме train, батч из 3, lr={lr:.3g}"
    _expect_state(state, expected, list(expected), context)
    _expect_losses(losses, expected_losses, context)
