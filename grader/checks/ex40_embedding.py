"""Checks of exercise 40: embedding lookup with padding_idx, EmbeddingBag, max_norm and weight tying.

Oracles: torch.nn.functional.embedding and embedding_bag in float64 on the CPU with autograd,
computed at grade time from the check's random weights and indices (repeated indices, padding rows
with non-zero values, empty bags); for max_norm the weight a lookup through
F.embedding(..., max_norm=...) leaves behind; for weight tying the same bigram model written with
F.embedding and F.linear on one leaf tensor. The student's code runs in the worker through the
trusted drivers of grader/drivers/ex40_embedding.py, which call backward and report gradients.
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader.compare import Mismatch, expect, expect_tensor
from grader.exercise import Exercise
from grader.oracles import tensor
from grader.strategies import gaussian
from grader.student import StudentError
from grader.wire import AsTensor, Defined

RTOL, ATOL = 1e-9, 1e-11


def _ids(rng, vocab, *shape):
    return rng.integers(0, vocab, size=shape).astype(np.int64)


def _lookup_probes(rng):
    w = gaussian(rng, 6, 3)
    ids = np.array([[0, 2, 2, 5], [1, 2, 3, 0]], dtype=np.int64)
    g = gaussian(rng, 2, 4, 3)
    return [(Defined("embedding_lookup"), AsTensor(ids), AsTensor(w), 2, AsTensor(g)),
            (Defined("embedding_lookup"), AsTensor(ids), AsTensor(w), -1, AsTensor(g)),
            (Defined("embedding_lookup"), AsTensor(ids), AsTensor(w), None, AsTensor(g))]


def _bag_probes(rng):
    w = gaussian(rng, 7, 3)
    ids = np.array([1, 4, 4, 0, 6, 2], dtype=np.int64)
    offsets = np.array([0, 2, 2, 5], dtype=np.int64)
    g = gaussian(rng, 4, 3)
    return [(Defined("embedding_bag"), AsTensor(ids), AsTensor(offsets), AsTensor(w), None, AsTensor(g)),
            (Defined("embedding_bag"), AsTensor(ids), AsTensor(offsets), AsTensor(w), "sum", AsTensor(g)),
            (Defined("embedding_bag"), AsTensor(ids), AsTensor(np.array([0, 3, 6], dtype=np.int64)), AsTensor(w),
             "mean", AsTensor(gaussian(rng, 3, 3)))]


def _renorm_probes(rng):
    w = 2.0 * gaussian(rng, 8, 4)
    ids = np.array([0, 3, 3, 5, 6], dtype=np.int64)
    return [(Defined("renorm_rows_"), AsTensor(w), AsTensor(ids), 1.5, None),
            (Defined("renorm_rows_"), AsTensor(w), AsTensor(ids), 2.5, 1.0)]


EXERCISE = Exercise(
    id="ex40_embedding",
    topic=40,
    framework="torch",
    part_names=["embedding_lookup", "embedding_bag", "renorm_rows_", "TiedEmbeddingLM"],
    forbidden_modules=(),
    forbidden_names=("embedding", "Embedding", "embedding_bag", "EmbeddingBag", "embedding_renorm_",
                     "renorm", "renorm_"),
    drivers="ex40_embedding",
    probes={"embedding_lookup": _lookup_probes, "embedding_bag": _bag_probes, "renorm_rows_": _renorm_probes},
)


def _close(student, got, expected, name, rtol=RTOL, atol=ATOL):
    return expect_tensor(got, expected, device=student.device, name=name, rtol=rtol, atol=atol)


def _expect_grad(student, result, expected, name):
    expect(result["connected"], f"{name}: выход не тензор или имеет не ту форму — градиент посчитать нельзя")
    if not result["tracked"] and np.any(expected != 0):
        raise Mismatch(f"{name}: выход не связан с weight графом autograd (requires_grad=False), "
                       "поэтому градиент weight нулевой, а должен быть ненулевым",
                       "не отсоединяйте результат (.detach(), .numpy(), torch.tensor(...), .data)")
    return _close(student, result["grad"], expected, name=name)


# -- 40.1 embedding_lookup ---------------------------------------------------------------------------


def _lookup_oracle(ids, weight, padding_idx, grad_output):
    import torch.nn.functional as F

    w = tensor(weight, requires_grad=True)
    out = F.embedding(tensor(ids), w, padding_idx=padding_idx)
    out.backward(tensor(grad_output))
    return out.detach().numpy(), w.grad.numpy()


def _lookup_case(student, ids, weight, padding_idx, rng):
    grad_output = gaussian(rng, *ids.shape, weight.shape[1])
    out, grad = _lookup_oracle(ids, weight, padding_idx, grad_output)
    result = student.drive("lookup_run", Defined("embedding_lookup"), AsTensor(ids), AsTensor(weight), padding_idx,
                           AsTensor(grad_output))
    where = f"ids формы {ids.shape}, weight {weight.shape[0]}×{weight.shape[1]}, padding_idx={padding_idx}"
    _close(student, result["out"], out, name=f"выход ({where})")
    return _expect_grad(student, result, grad, name=f"weight.grad ({where})")


@EXERCISE.check("embedding_lookup", points=2,
                title="как F.embedding: выход и градиент weight (повторяющиеся индексы суммируются); "
                      "индексы формы (B, T) и (L,), неквадратная матрица V×D")
def lookup_matches_torch(student, rng):
    vocab, dim = int(rng.integers(7, 13)), int(rng.integers(3, 6))
    weight = gaussian(rng, vocab, dim)
    ids = _ids(rng, vocab, int(rng.integers(2, 4)), int(rng.integers(5, 9)))
    ids[0, :3] = ids[1, 0]  # one index repeated four times
    _lookup_case(student, ids, weight, None, rng)
    _lookup_case(student, _ids(rng, vocab, int(rng.integers(6, 12))), weight, None, rng)


@EXERCISE.check("embedding_lookup", points=2,
                title="padding_idx: строка выдаётся как есть (не обнуляется), её градиент нулевой, "
                      "остальные строки — как у autograd F.embedding")
def lookup_padding(student, rng):
    vocab, dim = int(rng.integers(7, 13)), int(rng.integers(3, 6))
    weight = gaussian(rng, vocab, dim)  # the padding row is not zero: a trained or loaded matrix
    pad = int(rng.integers(0, vocab))
    ids = _ids(rng, vocab, 3, int(rng.integers(4, 8)))
    ids[:, -1] = pad  # padded sequences
    ids[0, 0] = pad
    grad = _lookup_case(student, ids, weight, pad, rng)
    expect(np.all(grad[pad] == 0.0), f"weight.grad[{pad}] (строка padding_idx) = {np.round(grad[pad], 4)}",
           "а должна быть нулевой: строка padding_idx не обучается")


@EXERCISE.check("embedding_lookup", points=1,
                title="отрицательный padding_idx (−1 — последняя строка, как в nn.Embedding) и один индекс")
def lookup_negative_padding(student, rng):
    vocab, dim = int(rng.integers(5, 9)), int(rng.integers(2, 5))
    weight = gaussian(rng, vocab, dim)
    ids = _ids(rng, vocab - 1, 2, 5)
    ids[1, 3:] = vocab - 1
    _lookup_case(student, ids, weight, -1, rng)
    _lookup_case(student, np.array([int(rng.integers(0, vocab))], dtype=np.int64), weight, -2, rng)


# -- 40.2 embedding_bag ------------------------------------------------------------------------------


def _bag_oracle(ids, offsets, weight, mode, grad_output):
    import torch.nn.functional as F

    w = tensor(weight, requires_grad=True)
    out = F.embedding_bag(tensor(ids), w, tensor(offsets), mode=mode)
    out.backward(tensor(grad_output))
    return out.detach().numpy(), w.grad.numpy()


def _bag_case(student, ids, offsets, weight, mode, rng):
    grad_output = gaussian(rng, len(offsets), weight.shape[1])
    out, grad = _bag_oracle(ids, offsets, weight, mode or "mean", grad_output)
    result = student.drive("bag_run", Defined("embedding_bag"), AsTensor(ids), AsTensor(offsets), AsTensor(weight),
                           mode, AsTensor(grad_output))
    where = f"ids {ids.tolist()}, offsets {offsets.tolist()}, " + ("mode по умолчанию" if mode is None else
                                                                   f"mode={mode!r}")
    _close(student, result["out"], out, name=f"выход ({where})")
    _expect_grad(student, result, grad, name=f"weight.grad ({where})")
    return result


def _offsets(rng, length, bags):
    cuts = np.sort(rng.integers(1, length, size=bags - 1))
    return np.concatenate([[0], cuts]).astype(np.int64)


@EXERCISE.check("embedding_bag", points=2,
                title="как F.embedding_bag: mode по умолчанию 'mean' и mode='sum', выход и градиент weight")
def bag_matches_torch(student, rng):
    vocab, dim = int(rng.integers(8, 14)), int(rng.integers(3, 6))
    weight = gaussian(rng, vocab, dim)
    length, bags = int(rng.integers(8, 14)), int(rng.integers(3, 5))
    ids, offsets = _ids(rng, vocab, length), _offsets(rng, length, bags)
    _bag_case(student, ids, offsets, weight, None, rng)
    _bag_case(student, ids, offsets, weight, "sum", rng)
    _bag_case(student, ids, offsets, weight, "mean", rng)


@EXERCISE.check("embedding_bag", points=1,
                title="перебор разбиений (Hypothesis): от 1 до 6 мешков по 0–4 индекса, оба режима — "
                      "как F.embedding_bag", examples=12)
@given(sizes=st.lists(st.integers(0, 4), min_size=1, max_size=6), mode=st.sampled_from(["mean", "sum"]),
       seed=st.integers(0, 2**32 - 1))
def bag_partition_sweep(student, sizes, mode, seed):
    rng = np.random.default_rng(seed)
    vocab = int(rng.integers(4, 10))
    weight = gaussian(rng, vocab, 3)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    _bag_case(student, _ids(rng, vocab, int(sum(sizes))), offsets, weight, mode, rng)


@EXERCISE.check("embedding_bag", points=1,
                title="пустые мешки (в середине и последний) дают нулевую строку, и в режиме mean — не NaN")
def bag_empty_bags(student, rng):
    vocab, dim = int(rng.integers(6, 10)), 3
    weight = gaussian(rng, vocab, dim)
    length = int(rng.integers(5, 9))
    ids = _ids(rng, vocab, length)
    middle = int(rng.integers(1, length))
    offsets = np.array([0, middle, middle, length], dtype=np.int64)  # bags 1 and 3 are empty
    for mode in ("mean", "sum"):
        _bag_case(student, ids, offsets, weight, mode, rng)


@EXERCISE.check("embedding_bag", points=1,
                title="крайние случаи: один мешок на все индексы, мешки из одного индекса; mode='max' — ValueError")
def bag_edge_cases(student, rng):
    vocab, dim = int(rng.integers(6, 10)), int(rng.integers(2, 5))
    weight = gaussian(rng, vocab, dim)
    length = int(rng.integers(4, 8))
    ids = _ids(rng, vocab, length)
    _bag_case(student, ids, np.array([0], dtype=np.int64), weight, None, rng)
    _bag_case(student, ids, np.arange(length, dtype=np.int64), weight, "sum", rng)
    try:
        got = student.embedding_bag(AsTensor(ids), AsTensor(np.array([0], dtype=np.int64)), AsTensor(weight), "max")
    except StudentError as e:
        expect(e.type_name == "ValueError", f"embedding_bag(..., mode='max'): выброшено {e.type_name}, "
                                            "а нужно ValueError")
        return
    raise Mismatch("embedding_bag(..., mode='max'): функция вернула результат вместо ValueError",
                   f"результат: {str(got)[:200]}")


# -- 40.3 renorm_rows_ -------------------------------------------------------------------------------


def _renorm_oracle(weight, ids, max_norm, norm_type):
    """The weight that a lookup through F.embedding(max_norm=...) leaves behind (torch renormalises in place)."""
    import torch
    import torch.nn.functional as F

    w = tensor(weight)
    with torch.no_grad():
        F.embedding(tensor(ids), w, max_norm=max_norm, norm_type=norm_type)
    return w.numpy()


def _renorm_case(student, weight, ids, max_norm, norm_type=None):
    expected = _renorm_oracle(weight, ids, max_norm, 2.0 if norm_type is None else norm_type)
    result = student.drive("renorm_run", Defined("renorm_rows_"), AsTensor(weight), AsTensor(ids), max_norm,
                           norm_type)
    where = f"ids {ids.tolist()}, max_norm={max_norm}, norm_type={2.0 if norm_type is None else norm_type}"
    got = result["weight"]
    if np.array_equal(got.array, weight) and not np.array_equal(expected, weight):
        raise Mismatch(f"weight после renorm_rows_({where}) не изменился, а строки с нормой больше max_norm "
                       "должны были уменьшиться",
                       "функция должна менять сам тензор weight на месте (weight[rows] *= ...), "
                       "а не создавать новый")
    _close(student, got, expected, name=f"weight после renorm_rows_ ({where})")
    return got.array


@EXERCISE.check("renorm_rows_", points=2,
                title="как поиск в nn.Embedding(max_norm=…): длинные строки из ids уменьшены до max_norm "
                      "(с +1e-7 торча), остальные не тронуты; неквадратная V×D")
def renorm_matches_torch(student, rng):
    vocab, dim = int(rng.integers(8, 13)), int(rng.integers(3, 6))
    weight = gaussian(rng, vocab, dim) * rng.uniform(0.3, 2.5, size=(vocab, 1))  # rows of different norms
    norms = np.linalg.norm(weight, axis=1)
    max_norm = float(np.median(norms))
    ids = _ids(rng, vocab, 2, int(rng.integers(3, 6)))
    _renorm_case(student, weight, ids, max_norm)
    _renorm_case(student, weight, _ids(rng, vocab, 7), float(rng.uniform(0.5, 1.5)))


@EXERCISE.check("renorm_rows_", points=1,
                title="norm_type = 1 и 3, повторяющиеся индексы (строка нормируется один раз)")
def renorm_norm_types(student, rng):
    vocab, dim = int(rng.integers(6, 10)), int(rng.integers(3, 6))
    weight = 1.5 * gaussian(rng, vocab, dim)
    ids = np.repeat(_ids(rng, vocab, 4), 3)
    for norm_type in (1.0, 3.0):
        norms = np.sum(np.abs(weight) ** norm_type, axis=1) ** (1 / norm_type)
        _renorm_case(student, weight, ids, float(np.median(norms)), norm_type)


@EXERCISE.check("renorm_rows_", points=1,
                title="на месте и только где нужно: возвращает None, строки не из ids и строки с нормой "
                      "≤ max_norm остаются точно такими же")
def renorm_in_place_only_where_needed(student, rng):
    vocab, dim = int(rng.integers(8, 12)), 4
    weight = gaussian(rng, vocab, dim)
    norms = np.linalg.norm(weight, axis=1)
    max_norm = float(np.sort(norms)[vocab // 2])
    ids = np.arange(0, vocab, 2, dtype=np.int64)
    result = student.drive("renorm_run", Defined("renorm_rows_"), AsTensor(weight), AsTensor(ids), max_norm, None)
    got = result["weight"].array if hasattr(result["weight"], "array") else None
    expect(got is not None, "renorm_rows_: weight после вызова — не тензор")
    expected = _renorm_oracle(weight, ids, max_norm, 2.0)
    untouched = np.all(expected == weight, axis=1)
    changed = np.flatnonzero(np.any(got != weight, axis=1) & untouched)
    expect(changed.size == 0, f"renorm_rows_ (ids {ids.tolist()}, max_norm={max_norm:.4g}) изменила строки "
                              f"{changed.tolist()}",
           f"их нормы {np.round(norms[changed], 4).tolist()}; менять можно только строки из ids с нормой > max_norm")
    _close(student, result["weight"], expected, name="weight после renorm_rows_")
    expect(result["returned_none"], "renorm_rows_ должна менять weight на месте и возвращать None "
                                    "(как методы PyTorch с подчёркиванием в конце имени)")


# -- 40.4 TiedEmbeddingLM ----------------------------------------------------------------------------


def _tied_oracle(weight, bias, ids, grad_output, lr):
    import torch.nn.functional as F

    w, b = tensor(weight, requires_grad=True), tensor(bias, requires_grad=True)
    logits = F.linear(F.embedding(tensor(ids), w), w, b)
    logits.backward(tensor(grad_output))
    return logits.detach().numpy(), w.grad.numpy(), b.grad.numpy(), (w - lr * w.grad).detach().numpy()


def _tied_run(student, rng, vocab, dim, ids_shape):
    weight, bias = gaussian(rng, vocab, dim), gaussian(rng, vocab, scale=0.3)
    ids = _ids(rng, vocab, *ids_shape)
    grad_output, lr = gaussian(rng, *ids_shape, vocab), float(rng.uniform(0.05, 0.5))
    result = student.drive("tied_run", Defined("TiedEmbeddingLM"), vocab, dim, AsTensor(weight), AsTensor(bias),
                           AsTensor(ids), AsTensor(grad_output), lr)
    expect(result["is_module"], f"TiedEmbeddingLM({vocab}, {dim}) — это {result['type']}, "
                                "а нужен подкласс torch.nn.Module")
    return result, _tied_oracle(weight, bias, ids, grad_output, lr), f"TiedEmbeddingLM({vocab}, {dim})"


@EXERCISE.check("TiedEmbeddingLM", points=1,
                title="decoder.weight — тот же объект Parameter, что weight; параметры: weight и decoder.bias, "
                      "V·D + V чисел")
def tied_structure(student, rng):
    vocab, dim = int(rng.integers(8, 15)), int(rng.integers(3, 7))
    result, _, name = _tied_run(student, rng, vocab, dim, (2, 3))
    expect(result["same"], f"{name}: model.decoder.weight is model.weight — False",
           "связывание (weight tying) — это один и тот же объект nn.Parameter в обоих местах, а не копия "
           "значений и не общий .data")
    expect(sorted(result["names"]) == ["decoder.bias", "weight"],
           f"{name}: параметры {result['names']}, а ожидались weight и decoder.bias "
           "(связанный decoder.weight named_parameters() не повторяет)")
    expect(result["count"] == vocab * dim + vocab,
           f"{name}: всего параметров {result['count']}, а должно быть V·D + V = {vocab * dim + vocab}")


@EXERCISE.check("TiedEmbeddingLM", points=2,
                title="логиты weight[ids] @ weight.T + bias и градиент weight — сумма от обоих использований "
                      "(как autograd, ids формы (B, T) и (L,))")
def tied_forward_backward(student, rng):
    for shape in [(int(rng.integers(2, 4)), int(rng.integers(3, 6))), (int(rng.integers(5, 9)),)]:
        vocab, dim = int(rng.integers(8, 15)), int(rng.integers(3, 7))
        result, (logits, grad_w, grad_b, _), name = _tied_run(student, rng, vocab, dim, shape)
        _close(student, result["logits"], logits, name=f"логиты {name} для ids формы {shape}")
        expect("grad_weight" in result, f"{name}: логиты не связаны с параметрами графом autograd")
        expect(result["grad_weight"] is not None, f"{name}: model.weight.grad — None после backward")
        _close(student, result["grad_weight"], grad_w, name=f"model.weight.grad ({name}, ids формы {shape})")
        _close(student, result["grad_bias"], grad_b, name=f"model.decoder.bias.grad ({name})")


@EXERCISE.check("TiedEmbeddingLM", points=1,
                title="после шага SGD decoder.weight и weight по-прежнему равны и оба равны W − lr·grad")
def tied_after_step(student, rng):
    vocab, dim = int(rng.integers(6, 12)), int(rng.integers(2, 5))
    result, (_, _, _, after), name = _tied_run(student, rng, vocab, dim, (1, int(rng.integers(2, 6))))
    expect("weight_after" in result, f"{name}: логиты не связаны с параметрами графом autograd")
    _close(student, result["weight_after"], after, name=f"model.weight после шага SGD ({name})")
    _close(student, result["decoder_weight_after"], after, name=f"model.decoder.weight после шага SGD ({name})")
