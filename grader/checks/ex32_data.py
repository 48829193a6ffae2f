"""Checks of exercise 32: a windowed Dataset, a padding collate_fn, Normalize and Compose in torch.

The student's objects live in the worker and are driven there by the trusted drivers of
``grader/drivers/ex32_data.py`` (indexing, real DataLoaders, applying transforms).
Oracles are computed here in float64 on the CPU: windows with ``Tensor.unfold``, padding
with ``torch.nn.utils.rnn.pad_sequence``, normalisation with broadcasting, chains of
transforms by applying the same trusted helpers one after another. Sizes, lengths and
values come from the check's seed, so no stored answer can pass.
"""

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader.compare import Mismatch, expect, expect_int, expect_tensor, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.wire import AsTensor, Defined, Helper

EXERCISE = Exercise(
    id="ex32_data",
    topic=32,
    framework="torch",
    part_names=["WindowDataset", "pad_collate", "Normalize", "Compose"],
    forbidden_modules=("torchvision",),
    forbidden_names=("pad_sequence", "pack_sequence", "pack_padded_sequence", "pad_packed_sequence"),
    drivers="ex32_data",
)


# -- 32.1 WindowDataset -------------------------------------------------------------------


def _true_length(n, window, horizon, stride):
    return max(0, (n - window - horizon) // stride + 1)


def _windows(series, window, horizon, stride):
    """Oracle: (x, y) of every window, from ``Tensor.unfold`` (the time axis stays first)."""
    import torch

    t = torch.tensor(series)
    if len(t) < window + horizon:
        return []
    blocks = t.unfold(0, window + horizon, stride)  # (L, span) or (L, F, span)
    if t.ndim == 2:
        blocks = blocks.movedim(-1, 1)  # (L, span, F)
    return [(b[:window].numpy(), b[window:].numpy()) for b in blocks]


def _build(student, series, window, horizon, stride):
    return student.new("WindowDataset", AsTensor(series), window, horizon, stride)


def _describe(n, window, horizon, stride, features=None):
    shape = f"({n},)" if features is None else f"({n}, {features})"
    return f"WindowDataset(ряд {shape}, window={window}, horizon={horizon}, stride={stride})"


def _expect_length(student, n, window, horizon, stride):
    series = gaussian(np.random.default_rng(n), n)
    dataset = _build(student, series, window, horizon, stride)
    info = student.drive("dataset_items", dataset.handle, [])
    expect(info["is_dataset"], "WindowDataset должен быть подклассом torch.utils.data.Dataset")
    expect_int(info["length"], _true_length(n, window, horizon, stride),
               name=f"len({_describe(n, window, horizon, stride)})")


@EXERCISE.check("WindowDataset", points=2,
                title="len равна ⌊(N − window − horizon)/stride⌋ + 1 (последнее окно на месте), 0 для короткого ряда")
def length_counts_every_window(student, rng):
    for _ in range(3):
        window, horizon, stride = int(rng.integers(2, 7)), int(rng.integers(1, 4)), int(rng.integers(1, 4))
        fits = int(rng.integers(2, 9))  # the last window ends exactly at the end of the series
        _expect_length(student, window + horizon + (fits - 1) * stride, window, horizon, stride)
        _expect_length(student, window + horizon + (fits - 1) * stride + int(rng.integers(1, 5)), window, horizon,
                       stride)
    window, horizon = int(rng.integers(2, 6)), int(rng.integers(1, 3))
    _expect_length(student, window + horizon, window, horizon, int(rng.integers(1, 4)))  # exactly one window
    _expect_length(student, window + horizon - 1, window, horizon, 1)  # too short: none


def _expect_items(student, series, window, horizon, stride):
    features = series.shape[1] if series.ndim == 2 else None
    label = _describe(len(series), window, horizon, stride, features)
    expected = _windows(series, window, horizon, stride)
    dataset = _build(student, series, window, horizon, stride)
    expect_int(student.drive("dataset_items", dataset.handle, [])["length"], len(expected), name=f"len({label})")
    info = student.drive("dataset_items", dataset.handle, list(range(len(expected))))
    for i, ((x, y), (ex, ey)) in enumerate(zip(info["items"], expected, strict=True)):
        expect_tensor(x, ex, device=student.device, name=f"{label}[{i}][0] (окно x)", rtol=0, atol=0)
        expect_tensor(y, ey, device=student.device, name=f"{label}[{i}][1] (цель y)", rtol=0, atol=0)


@st.composite
def window_cases(draw):
    window, horizon, stride = draw(st.integers(1, 6)), draw(st.integers(1, 4)), draw(st.integers(1, 4))
    n = draw(st.integers(window + horizon, window + horizon + 12))
    features = draw(st.sampled_from([None, 1, 3]))
    seed = draw(st.integers(0, 2**31 - 1))
    shape = (n,) if features is None else (n, features)
    return gaussian(np.random.default_rng(seed), *shape), window, horizon, stride


@EXERCISE.check("WindowDataset", points=2,
                title="окна x и цели y совпадают с series.unfold для рядов (N,) и (N, F), цель не пересекает окно",
                examples=12)
@given(case=window_cases())
@example(case=(np.arange(10.0), 3, 2, 2))
def items_match_unfold(student, case):
    _expect_items(student, *case)


@EXERCISE.check("WindowDataset", points=1,
                title="отрицательный индекс считается с конца, индекс вне [−len, len) даёт IndexError")
def negative_indices_and_index_error(student, rng):
    window, horizon, stride = int(rng.integers(2, 5)), int(rng.integers(1, 3)), int(rng.integers(2, 4))
    n = window + horizon + int(rng.integers(3, 7)) * stride + int(rng.integers(0, stride))
    series = gaussian(rng, n, 2)
    expected = _windows(series, window, horizon, stride)
    length = len(expected)
    label = _describe(n, window, horizon, stride, 2)
    dataset = _build(student, series, window, horizon, stride)
    indices = [-1, -length, -2, length, length + 3, -length - 1]
    outcomes = student.drive("index_outcomes", dataset.handle, indices)
    for index, outcome in zip(indices, outcomes, strict=True):
        name = f"{label}[{index}]"
        if -length <= index < length:
            expect(outcome[0] == "ok", f"{name}: выброшено {outcome[1]}, а при len = {length} должно вернуться "
                                       f"окно №{index % length}")
            expect_tensor(outcome[1], expected[index][0], device=student.device,
                          name=f"{name}[0] (окно x, при len = {length} это окно №{index % length})", rtol=0, atol=0)
            expect_tensor(outcome[2], expected[index][1], device=student.device,
                          name=f"{name}[1] (цель y, при len = {length} это окно №{index % length})", rtol=0, atol=0)
        elif outcome[0] == "ok":
            raise Mismatch(f"{name}: вернулась пара тензоров форм {outcome[1].array.shape} и "
                           f"{outcome[2].array.shape}, а индекс вне [−{length}, {length}) должен давать IndexError")
        else:
            expect(outcome[2], f"{name}: выброшено {outcome[1]}, а при len = {length} должно быть IndexError")


@EXERCISE.check("WindowDataset", points=1,
                title="в DataLoader(batch_size=4) батчи — стопки окон; неполный последний батч и drop_last=True")
def works_in_a_dataloader(student, rng):
    window, horizon, stride = int(rng.integers(2, 6)), int(rng.integers(1, 3)), int(rng.integers(1, 3))
    n = window + horizon + int(rng.integers(9, 15)) * stride
    series = gaussian(rng, n)
    expected = _windows(series, window, horizon, stride)
    label = _describe(n, window, horizon, stride)
    for drop_last in (False, True):
        dataset = _build(student, series, window, horizon, stride)
        result = student.drive("loader_batches", dataset.handle, 4, drop_last)
        count = len(expected) // 4 if drop_last else -(-len(expected) // 4)
        where = f"DataLoader({label}, batch_size=4, drop_last={drop_last})"
        expect_int(result["length"], count, name=f"len({where}) при {len(expected)} окнах")
        expect_int(len(result["batches"]), count, name=f"число батчей {where}")
        for b, batch in enumerate(result["batches"]):
            xs, ys = expect_tuple(batch, ("x", "y"), name=f"батч {b} из {where}")
            chunk = expected[4 * b:4 * b + 4]
            expect_tensor(xs, np.stack([x for x, _ in chunk]), device=student.device,
                          name=f"батч {b}: x", rtol=0, atol=0)
            expect_tensor(ys, np.stack([y for _, y in chunk]), device=student.device,
                          name=f"батч {b}: y", rtol=0, atol=0)


# -- 32.2 pad_collate ---------------------------------------------------------------------


def _sequences(rng, lengths, features):
    return [gaussian(rng, int(t), features) for t in lengths]


def _padded(sequences, labels, padding_value):
    """Oracle: pad_sequence(batch_first=True), the lengths and the labels."""
    import torch
    from torch.nn.utils.rnn import pad_sequence

    padded = pad_sequence([torch.tensor(s) for s in sequences], batch_first=True, padding_value=padding_value)
    return padded.numpy(), np.array([len(s) for s in sequences], dtype=np.int64), np.array(labels, dtype=np.int64)


def _expect_collated(student, got, expected, name):
    padded, lengths, labels = expect_tuple(got, ("padded", "lengths", "labels"), name=name)
    expect_tensor(padded, expected[0], device=student.device, name=f"{name}: padded", rtol=0, atol=0)
    expect_tensor(lengths, expected[1], device=student.device, name=f"{name}: lengths", rtol=0, atol=0)
    expect_tensor(labels, expected[2], device=student.device, name=f"{name}: labels", rtol=0, atol=0)


def _collate(student, sequences, labels, *padding):
    batch = [(AsTensor(s), int(label)) for s, label in zip(sequences, labels, strict=True)]
    return student.pad_collate(batch, *padding)


@EXERCISE.check("pad_collate", points=2,
                title="совпадает с pad_sequence(batch_first=True, padding_value=…): форма (B, T_max, F), "
                      "длины и метки")
def matches_pad_sequence(student, rng):
    for _ in range(3):
        batch, features = int(rng.integers(2, 6)), int(rng.integers(1, 5))
        lengths = rng.integers(1, 9, size=batch)
        lengths[int(rng.integers(0, batch))] = 9  # a unique longest sequence, anywhere in the batch
        sequences, labels = _sequences(rng, lengths, features), rng.integers(0, 10, size=batch)
        value = float(np.round(rng.uniform(-9, 9), 2))
        _expect_collated(student, _collate(student, sequences, labels, value), _padded(sequences, labels, value),
                         name=f"pad_collate(батч из {batch}, padding_value={value})")


@EXERCISE.check("pad_collate", points=1,
                title="крайние случаи: один пример, равные длины, padding_value по умолчанию 0")
def collate_edge_cases(student, rng):
    features = int(rng.integers(2, 5))
    one = _sequences(rng, [int(rng.integers(1, 6))], features)
    _expect_collated(student, _collate(student, one, [3]), _padded(one, [3], 0.0), name="pad_collate(один пример)")
    same = _sequences(rng, [4, 4, 4], features)
    _expect_collated(student, _collate(student, same, [1, 0, 2]), _padded(same, [1, 0, 2], 0.0),
                     name="pad_collate(три примера длины 4)")
    mixed = _sequences(rng, [2, 7, 1, 5], features)
    _expect_collated(student, _collate(student, mixed, [4, 1, 1, 0]), _padded(mixed, [4, 1, 1, 0], 0.0),
                     name="pad_collate(длины 2, 7, 1, 5; padding_value по умолчанию)")


@EXERCISE.check("pad_collate", points=2,
                title="работает как collate_fn настоящего DataLoader(batch_size=3): порядок, неполный последний батч")
def works_as_collate_fn(student, rng):
    count, features = int(rng.integers(7, 11)), int(rng.integers(1, 4))
    lengths = rng.integers(1, 8, size=count)
    sequences, labels = _sequences(rng, lengths, features), [int(v) for v in rng.integers(0, 5, size=count)]
    value = float(-int(rng.integers(1, 99)))
    batches = student.drive("collate_loader", Defined("pad_collate"), [AsTensor(s) for s in sequences], labels, 3,
                            value)
    expect_int(len(batches), -(-count // 3), name=f"число батчей DataLoader({count} примеров, batch_size=3)")
    for b, batch in enumerate(batches):
        chunk = slice(3 * b, 3 * b + 3)
        _expect_collated(student, batch, _padded(sequences[chunk], labels[chunk], value),
                         name=f"батч {b} DataLoader(collate_fn=pad_collate, padding_value={value})")


# -- 32.3 Normalize -----------------------------------------------------------------------


def _normalized(x, mean, std):
    import torch

    shape = (-1, 1, 1)
    mean, std = torch.tensor(mean, dtype=torch.float64), torch.tensor(std, dtype=torch.float64)
    return ((torch.tensor(x) - mean.view(shape)) / std.view(shape)).numpy()


def _apply(student, transform, x, times=1):
    return student.drive("apply_transform", transform.handle, AsTensor(x), times)


def _expect_normalized(student, x, mean, std):
    name = f"Normalize(mean, std)(x), x формы {x.shape}, каналов {len(mean)}"
    result = _apply(student, student.new("Normalize", mean, std), x)
    expect(not result["input_changed"], f"{name}: входной тензор x изменился, а должен остаться прежним "
                                        "(операции на месте вроде x.sub_ портят данные датасета)")
    return expect_tensor(result["outputs"][0], _normalized(x, mean, std), device=student.device, name=name)


def _statistics(rng, channels):
    mean = [float(v) for v in np.round(rng.normal(0.0, 1.0, channels), 3)]
    std = [float(v) for v in np.round(rng.uniform(0.2, 3.0, channels), 3)]
    return mean, std


@EXERCISE.check("Normalize", points=2,
                title="совпадает с (x − mean[c]) / std[c] по каналам для (C, H, W) при W ≠ C и H ≠ W; x не меняется")
def normalize_matches_per_channel(student, rng):
    for channels in (3, int(rng.integers(2, 6))):
        mean, std = _statistics(rng, channels)
        height, width = int(rng.integers(2, 6)), channels + int(rng.integers(1, 5))
        _expect_normalized(student, gaussian(rng, channels, height, width, scale=2.0), mean, std)


@EXERCISE.check("Normalize", points=1,
                title="батч (B, C, H, W), один канал и неквадратные картинки")
def normalize_batches_and_one_channel(student, rng):
    mean, std = _statistics(rng, 3)
    _expect_normalized(student, gaussian(rng, int(rng.integers(2, 5)), 3, 4, 6), mean, std)
    mean, std = _statistics(rng, 1)
    _expect_normalized(student, gaussian(rng, 1, 5, 2), mean, std)
    _expect_normalized(student, gaussian(rng, 2, 1, 3, 7), mean, std)


@EXERCISE.check("Normalize", points=1,
                title="со статистикой самих каналов выход имеет среднее 0 и стандартное отклонение 1 в каждом канале")
def normalize_standardises(student, rng):
    channels = int(rng.integers(2, 5))
    x = gaussian(rng, channels, 4, 5) * rng.uniform(0.5, 4.0, (channels, 1, 1)) + rng.normal(0, 5, (channels, 1, 1))
    mean = [float(v) for v in x.mean(axis=(1, 2))]
    std = [float(v) for v in x.std(axis=(1, 2))]
    out = _expect_normalized(student, x, mean, std)
    expect(np.allclose(out.mean(axis=(1, 2)), 0.0, atol=1e-10) and np.allclose(out.std(axis=(1, 2)), 1.0),
           "после нормализации средние каналов "
           f"{np.round(out.mean(axis=(1, 2)), 4).tolist()}, стандартные отклонения "
           f"{np.round(out.std(axis=(1, 2)), 4).tolist()}, а должны быть 0 и 1")


# -- 32.4 Compose ---------------------------------------------------------------------------


def _drivers():
    from grader.drivers import ex32_data

    return ex32_data


def _random_helper(rng):
    kind = ("affine", "square", "cumsum_last", "flip_last", "clamp_min")[int(rng.integers(0, 5))]
    if kind == "affine":
        return Helper(kind, (float(np.round(rng.uniform(0.5, 3.0), 2)), float(np.round(rng.normal(0, 2), 2))))
    if kind == "clamp_min":
        return Helper(kind, (float(np.round(rng.normal(0, 0.5), 2)),))
    return Helper(kind, ())


def _chain(helpers, x):
    """Oracle: the helpers applied one after another, in list order, on the CPU."""
    import torch

    out = torch.tensor(x)
    for helper in helpers:
        out = _drivers().HELPERS[helper.factory](*helper.args)(out)
    return out.numpy()


def _describe_chain(helpers):
    return "Compose([" + ", ".join(f"{h.factory}{tuple(h.args) if h.args else '()'}" for h in helpers) + "])"


def _non_commuting_chain(rng):
    """A random chain that starts with a flip and a running sum, whose order matters."""
    helpers = [Helper("flip_last", ()), Helper("cumsum_last", ())]
    helpers += [_random_helper(rng) for _ in range(int(rng.integers(0, 3)))]
    helpers.append(Helper("affine", (float(np.round(rng.uniform(1.5, 3.0), 2)), float(np.round(rng.normal(), 2)))))
    return [helpers[i] for i in rng.permutation(len(helpers))]


@EXERCISE.check("Compose", points=2,
                title="применяет преобразования в порядке списка: Compose([f, g, h])(x) = h(g(f(x)))")
def compose_applies_in_order(student, rng):
    for _ in range(3):
        helpers = _non_commuting_chain(rng)
        x = gaussian(rng, int(rng.integers(1, 4)), int(rng.integers(2, 6)))
        result = _apply(student, student.new("Compose", helpers), x)
        expect_tensor(result["outputs"][0], _chain(helpers, x), device=student.device,
                      name=f"{_describe_chain(helpers)}(x)")


@EXERCISE.check("Compose", points=1,
                title="пустой список — тождественное преобразование, из одного элемента — само преобразование")
def compose_edge_cases(student, rng):
    x = gaussian(rng, 2, int(rng.integers(2, 6)))
    result = _apply(student, student.new("Compose", []), x)
    expect_tensor(result["outputs"][0], x, device=student.device, name="Compose([])(x)", rtol=0, atol=0)
    helpers = [_random_helper(rng)]
    result = _apply(student, student.new("Compose", helpers), x)
    expect_tensor(result["outputs"][0], _chain(helpers, x), device=student.device,
                  name=f"{_describe_chain(helpers)}(x)")


@EXERCISE.check("Compose", points=1,
                title="повторный вызов даёт тот же результат; Compose внутри Compose")
def compose_reusable_and_nested(student, rng):
    inner_helpers, outer_tail = _non_commuting_chain(rng), [Helper("square", ()), Helper("cumsum_last", ())]
    x = gaussian(rng, 3, int(rng.integers(3, 6)))
    inner = student.new("Compose", inner_helpers)
    result = _apply(student, inner, x, 2)
    expected = _chain(inner_helpers, x)
    for call, output in enumerate(result["outputs"]):
        expect_tensor(output, expected, device=student.device, name=f"{_describe_chain(inner_helpers)}(x), "
                                                                     f"вызов №{call + 1}")
    outer = student.new("Compose", [Helper("flip_last", ()), inner.handle, *outer_tail])
    result = _apply(student, outer, x)
    expect_tensor(result["outputs"][0], _chain([Helper("flip_last", ()), *inner_helpers, *outer_tail], x),
                  device=student.device, name="Compose([flip_last(), <Compose выше>, square(), cumsum_last()])(x)")
