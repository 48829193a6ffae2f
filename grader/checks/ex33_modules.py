"""Checks of exercise 33: nn.Module.

Every part goes through the trusted drivers of ``grader/drivers/ex33_modules.py``: they build
the student's class in the worker, inspect ``named_parameters``, ``named_buffers`` and
``state_dict`` keys, convert the module with ``.to(device, float64)``, load the check's random
weights by key and run it. Oracles are computed here: the MLP written functionally in torch
float64; the running statistics as np.mean / np.var over every row seen; the parameter count
by formula from the model's spec.
"""

import numpy as np

from grader import oracles
from grader.compare import Mismatch, expect, expect_int, expect_tensor
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.wire import AsTensor, Defined


def _mlp_probes(rng):
    sizes = [3, 4, 5]
    state = _weights(rng, sizes)
    return [(Defined("MLP"), sizes, "tanh", 0.0, state, AsTensor(gaussian(rng, 2, 3)), "eval", 0)]


def _standardizer_probes(rng):
    return [(Defined("RunningStandardizer"), 2, [AsTensor(gaussian(rng, 3, 2)), AsTensor(gaussian(rng, 2, 2) + 1)],
             AsTensor(gaussian(rng, 2, 2)))]


def _count_probes(rng):
    return [({"vocab": 11, "dim": 3, "hidden": 2, "tied": True, "frozen": True, "frozen_head": False}, True),
            ({"vocab": 7, "dim": 2, "hidden": 5, "tied": False, "frozen": False, "frozen_head": True}, True)]


EXERCISE = Exercise(
    id="ex33_modules",
    topic=33,
    framework="torch",
    part_names=["MLP", "RunningStandardizer", "count_parameters"],
    forbidden_modules=(),
    drivers="ex33_modules",
    probes={"MLP": _mlp_probes, "RunningStandardizer": _standardizer_probes, "count_parameters": _count_probes},
)


# -- 33.1 MLP ---------------------------------------------------------------------------------


def _expected_keys(sizes):
    return [[f"layers.{i}.{kind}", [b, a] if kind == "weight" else [b]]
            for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:], strict=False)) for kind in ("weight", "bias")]


def _weights(rng, sizes):
    """Random float64 weights by state_dict key, scaled so that activations stay of order 1."""
    return {key: gaussian(rng, *shape, scale=1.0 / np.sqrt(shape[-1]) if len(shape) == 2 else 0.5)
            for key, shape in _expected_keys(sizes)}


def _mlp_oracle(sizes, activation, state, x):
    import torch

    h = oracles.tensor(x)
    for i in range(len(sizes) - 1):
        h = h @ oracles.tensor(state[f"layers.{i}.weight"]).T + oracles.tensor(state[f"layers.{i}.bias"])
        if i < len(sizes) - 2:
            h = torch.relu(h) if activation == "relu" else torch.tanh(h)
    return h.numpy()


def _random_sizes(rng, layers):
    return [int(rng.integers(2, 7)) for _ in range(layers + 1)]


def _run(student, sizes, activation, dropout, state, x, mode, seed=0):
    result = student.drive("run_mlp", Defined("MLP"), sizes, activation, dropout, state, AsTensor(x), mode, seed)
    expect(isinstance(result, dict), "драйвер не получил результата MLP")
    return result


@EXERCISE.check("MLP", points=2,
                title="подмодули зарегистрированы: ключи state_dict layers.i.weight/bias с формами (out, in), "
                      "параметры видны в parameters(), буферов нет")
def registered_parameters(student, rng):
    for layers in (1, 3):
        sizes = _random_sizes(rng, layers)
        info = student.drive("describe_mlp", Defined("MLP"), sizes, "relu", 0.5)
        expect(info.get("is_module") is True, f"MLP({sizes}) — это {info.get('type')}, а нужен подкласс nn.Module")
        expected = _expected_keys(sizes)
        got = [[n, list(s)] for n, s in info["parameters"]]
        if got != expected:
            raise Mismatch(f"MLP({sizes}): named_parameters() даёт {got or 'пустой список'}",
                           f"а ожидалось {expected}",
                           f"параметров у вас {sum(int(np.prod(s)) for _, s in got)}, "
                           f"а должно быть {sum(int(np.prod(s)) for _, s in expected)} (Σ in·out + out)")
        expect(info["state_keys"] == sorted(k for k, _ in expected) and not info["buffers"],
               f"MLP({sizes}): ключи state_dict {info['state_keys']}, буферы {info['buffers']}",
               f"а ожидались только ключи параметров {sorted(k for k, _ in expected)}")


@EXERCISE.check("MLP", points=2,
                title="в режиме eval выход с загруженными весами совпадает с функциональным эталоном "
                      "(relu и tanh, 1–3 слоя, батч 1, допуск 1e-10)")
def matches_functional_oracle(student, rng):
    for layers, activation, batch in ((2, "relu", 5), (3, "tanh", 1), (1, "relu", 4), (2, "tanh", 3)):
        sizes = _random_sizes(rng, layers)
        state, x = _weights(rng, sizes), gaussian(rng, batch, sizes[0])
        result = _run(student, sizes, activation, 0.3, state, x, "eval")
        expect_tensor(result["output"], _mlp_oracle(sizes, activation, state, x), device=student.device,
                      name=f"MLP({sizes}, {activation!r}, dropout=0.3).eval()(x), x формы {x.shape}",
                      rtol=1e-10, atol=1e-12)
        expect(result["flags_follow_mode"] is True,
               "после model.eval() не у всех подмодулей training == False: не переопределяйте train()/eval()")


def _hidden(sizes, state, x):
    import torch

    h = oracles.tensor(x) @ oracles.tensor(state["layers.0.weight"]).T + oracles.tensor(state["layers.0.bias"])
    return torch.relu(h).numpy()


@EXERCISE.check("MLP", points=2,
                title="dropout только в режиме train: каждое скрытое значение — 0 или h/(1 − p); "
                      "при p = 0 train и eval совпадают")
def dropout_in_train_mode(student, rng):
    """False-reject rate: 0 — with 60 hidden units at p = 0.5 a mask of all zeros or all ones has
    probability 2·2⁻⁶⁰ < 1e-17, the only way a correct dropout could fail the "some dropped" test."""
    hidden = int(rng.integers(5, 8))
    sizes = [int(rng.integers(2, 5)), hidden, hidden + int(rng.integers(1, 4))]  # out > hidden: W₂ has full rank
    state, x = _weights(rng, sizes), gaussian(rng, 10, sizes[0])
    p = 0.5
    result = _run(student, sizes, "relu", p, state, x, "train", int(rng.integers(1 << 30)))
    expect(result["flags_follow_mode"] is True, "после model.train() не у всех подмодулей training == True")
    out = result["output"].array if hasattr(result["output"], "array") else None
    expect(out is not None and out.shape == (10, sizes[-1]), f"выход в режиме train: ожидалась форма (10, {sizes[-1]})")
    # recover the masked hidden layer: out − b₂ = (m ⊙ h / (1 − p)) W₂ᵀ, W₂ of full column rank
    w2, b2 = state["layers.1.weight"], state["layers.1.bias"]
    masked = np.linalg.lstsq(w2, (out - b2).T, rcond=None)[0].T
    h = _hidden(sizes, state, x)
    kept, dropped = np.isclose(masked, h / (1 - p), rtol=1e-8, atol=1e-10), np.isclose(masked, 0.0, atol=1e-10)
    live = h > 1e-6
    expect(bool(np.all(kept | dropped)),
           f"MLP({sizes}, dropout={p}) в режиме train: скрытые значения после dropout не равны ни 0, ни h/(1 − p)",
           "выключенные нейроны дают 0, оставшиеся масштабируются на 1/(1 − p)")
    expect(bool(np.any(dropped & live)) and bool(np.any(kept & live)),
           f"MLP({sizes}, dropout={p}) в режиме train: dropout не выключил ни одного нейрона (или выключил все)")
    plain = _run(student, sizes, "relu", 0.0, state, x, "train")
    expect_tensor(plain["output"], _mlp_oracle(sizes, "relu", state, x), device=student.device,
                  name=f"MLP({sizes}, dropout=0.0) в режиме train", rtol=1e-10, atol=1e-12)


# -- 33.2 RunningStandardizer -------------------------------------------------------------------


def _stats(rows):
    data = np.concatenate(rows)
    return data.mean(axis=0), data.var(axis=0), float(len(data))


def _standardize(x, mean, var, eps=1e-5):
    return (x - mean) / np.sqrt(var + eps)


@EXERCISE.check("RunningStandardizer", points=2,
                title="mean, var, count — буферы: есть в named_buffers и state_dict, нет в parameters(), "
                      "начальные 0, 1, 0, становятся float64 после .double()")
def buffers_are_registered(student, rng):
    f = int(rng.integers(2, 7))
    info = student.drive("describe_standardizer", Defined("RunningStandardizer"), f)
    expect(info.get("is_module") is True, f"RunningStandardizer — это {info.get('type')}, а нужен nn.Module")
    expect(not info["parameters"], f"у модуля есть параметры {[n for n, _ in info['parameters']]}: статистики — "
                                   "не обучаемые параметры, регистрируйте их через register_buffer")
    expect(info["buffers"] == ["count", "mean", "var"] and info["state_keys"] == ["count", "mean", "var"],
           f"буферы: {info['buffers']}, ключи state_dict: {info['state_keys']}",
           "а ожидались буферы и ключи ['count', 'mean', 'var'] (обычный атрибут-тензор не регистрируется)")
    expect(all(d == "torch.float64" for d in info["double_dtypes"].values()),
           f"после .double() типы буферов {info['double_dtypes']}: буферы должны быть вещественными тензорами")
    for name, value in (("mean", np.zeros(f)), ("var", np.ones(f)), ("count", np.array(0.0))):
        expect_tensor(info["values"][name], value, device="cpu", name=f"начальный буфер {name}", rtol=0, atol=0)


def _run_standardizer(student, rng, sizes, f, shift):
    batches = [gaussian(rng, n, f, scale=2.0) + shift for n in sizes]
    x_eval = gaussian(rng, 3, f) + shift
    result = student.drive("run_standardizer", Defined("RunningStandardizer"), f, [AsTensor(b) for b in batches],
                           AsTensor(x_eval))
    expect(isinstance(result, dict), "драйвер не получил результата RunningStandardizer")
    return batches, x_eval, result


@EXERCISE.check("RunningStandardizer", points=3,
                title="в режиме train буферы — среднее и смещённая дисперсия ВСЕХ увиденных строк "
                      "(батчи разного размера, батч 1), выход нормирован ими (допуск 1e-10)")
def running_statistics(student, rng):
    f = int(rng.integers(2, 6))
    sizes = [int(rng.integers(2, 9)), 1, int(rng.integers(2, 9)), int(rng.integers(2, 9))]
    batches, _, result = _run_standardizer(student, rng, sizes, f, rng.normal(0, 3, size=f))
    for k, batch in enumerate(batches):
        mean, var, _ = _stats(batches[:k + 1])
        expect_tensor(result["train_outputs"][k], _standardize(batch, mean, var), device=student.device,
                      name=f"выход на батче №{k + 1} (размеры батчей {sizes})", rtol=1e-10, atol=1e-10)
    mean, var, count = _stats(batches)
    for name, value in (("mean", mean), ("var", var), ("count", np.array(count))):
        expect(name in result["buffer_values"], f"нет буфера {name} (буферы: {result['buffers']})")
        expect_tensor(result["buffer_values"][name], value, device=student.device,
                      name=f"буфер {name} после батчей размеров {sizes}", rtol=1e-10, atol=1e-10)
    expect(result["buffer_dtypes"] == ["torch.float64"],
           f"после .to(dtype=torch.float64) типы буферов {result['buffer_dtypes']}, а ожидался только float64")


@EXERCISE.check("RunningStandardizer", points=2,
                title="в режиме eval статистики не меняются и используются как есть; "
                      "load_state_dict в новый модуль даёт тот же выход")
def eval_mode_and_round_trip(student, rng):
    f = int(rng.integers(2, 6))
    sizes = [int(rng.integers(3, 9)), int(rng.integers(3, 9))]
    batches, x_eval, result = _run_standardizer(student, rng, sizes, f, rng.normal(0, 3, size=f))
    mean, var, _ = _stats(batches)
    expected = _standardize(x_eval, mean, var)
    expect(result["eval_keeps_buffers"] is True, "вызов в режиме eval изменил буферы: в eval статистики только читают")
    expect_tensor(result["eval_output"], expected, device=student.device, name="выход в режиме eval",
                  rtol=1e-10, atol=1e-10)
    expect_tensor(result["reloaded_output"], expected, device=student.device,
                  name="выход нового модуля после load_state_dict(state_dict()) в режиме eval", rtol=1e-10, atol=1e-10)


# -- 33.3 count_parameters ----------------------------------------------------------------------


def _spec(rng, tied, frozen, frozen_head):
    return {"vocab": int(rng.integers(20, 200)), "dim": int(rng.integers(3, 17)), "hidden": int(rng.integers(3, 17)),
            "tied": tied, "frozen": frozen, "frozen_head": frozen_head}


def _expected_count(spec, trainable_only):
    v, d, h = spec["vocab"], spec["dim"], spec["hidden"]
    embedding, head, norm, tail = v * d, d * h + h, 2 * h, h * d + d
    output = 0 if spec["tied"] else v * d
    total = embedding + head + norm + tail + output
    if trainable_only:
        total -= embedding if spec["frozen"] else 0  # a tied output weight IS the embedding
        total -= head if spec["frozen_head"] else 0
    return total


def _expect_count(student, spec, trainable_only):
    got = student.drive("count_on", Defined("count_parameters"), spec, trainable_only)
    what = (f"count_parameters(модель {spec}, trainable_only={trainable_only}) "
            "(Embedding → Linear → BatchNorm1d → ReLU → Linear → Linear без смещения)")
    expect_int(got, _expected_count(spec, trainable_only), name=what)


@EXERCISE.check("count_parameters", points=2,
                title="все параметры: буферы BatchNorm не считаются, общий (связанный) вес — один раз")
def counts_all_parameters(student, rng):
    for tied in (False, True):
        _expect_count(student, _spec(rng, tied, False, False), False)
    _expect_count(student, _spec(rng, True, True, True), False)


@EXERCISE.check("count_parameters", points=2,
                title="trainable_only=True: замороженные (requires_grad=False) не считаются, и по умолчанию тоже")
def counts_trainable(student, rng):
    for tied, frozen, head in ((False, True, False), (True, False, True), (True, True, False), (False, False, False)):
        _expect_count(student, _spec(rng, tied, frozen, head), True)
