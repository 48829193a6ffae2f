"""Checks of exercise 26: additive (Bahdanau) and multiplicative (Luong) attention in NumPy.

Oracles, computed at grade time in float64: the additive score composed from torch
operations (``torch.tanh``, ``masked_fill(-inf)``, ``torch.softmax``), and
``F.scaled_dot_product_attention`` with ``scale=1.0`` and a bool mask (True = may attend)
for the Luong scores. Shapes keep B, T, D_q, D_k, D_v and A apart, so that a transposed
matrix or a softmax over the wrong axis cannot pass by accident; masks pad the ends of
rows with different lengths, as a batch of sentences does.
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import Mismatch, expect_array, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian

RESULT = ("context", "weights")
SHAPES = [(1, 1, 2, 3, 4, 5), (3, 5, 4, 3, 2, 6), (2, 7, 3, 5, 4, 2), (4, 3, 6, 2, 5, 3)]  # (B, T, D_q, D_k, D_v, A)


# -- inputs -----------------------------------------------------------------------------


def padding_mask(rng, batch, steps, full_row=None):
    """(B, T) bool, True on the first ``length`` positions of every row (lengths 1..T, one row full)."""
    lengths = rng.integers(1, steps + 1, size=batch)
    lengths[rng.integers(batch)] = steps
    mask = np.arange(steps)[None, :] < lengths[:, None]
    if full_row is not None:
        mask[full_row] = False
    return mask


def additive_inputs(rng, batch, steps, d_q, d_k, d_v, hidden, scale=1.0):
    """(query, keys, values, W_q, W_k, v, mask) with distinct entries everywhere."""
    return (gaussian(rng, batch, d_q), gaussian(rng, batch, steps, d_k), gaussian(rng, batch, steps, d_v),
            gaussian(rng, hidden, d_q), gaussian(rng, hidden, d_k), gaussian(rng, hidden, scale=scale),
            padding_mask(rng, batch, steps))


def luong_inputs(rng, batch, steps, d_q, d_k, d_v, general=True, scale=1.0):
    """(query, keys, values, W, mask); for the dot score (general=False) D_k is taken equal to D_q."""
    d_k = d_k if general else d_q
    W = gaussian(rng, d_q, d_k) / np.sqrt(d_k) if general else None
    return (gaussian(rng, batch, d_q, scale=scale), gaussian(rng, batch, steps, d_k), gaussian(rng, batch, steps, d_v),
            W, padding_mask(rng, batch, steps))


# -- oracles ------------------------------------------------------------------------------


def _torch_weights(scores, mask):
    """Masked softmax over the last axis in torch; a fully masked row (NaN) becomes zeros."""
    import torch

    if mask is not None:
        scores = scores.masked_fill(~torch.tensor(np.array(mask)), float("-inf"))
    return torch.softmax(scores, dim=-1).nan_to_num(0.0)


def additive_oracle(query, keys, values, W_q, W_k, v, mask=None):
    """e = v . tanh(W_q q + W_k k_j) in torch, then the masked softmax and the weighted sum of values."""
    import torch

    q, K, V = oracles.tensor(query), oracles.tensor(keys), oracles.tensor(values)
    scores = torch.tanh((q @ oracles.tensor(W_q).T).unsqueeze(1) + K @ oracles.tensor(W_k).T) @ oracles.tensor(v)
    weights = _torch_weights(scores, mask)
    return torch.bmm(weights.unsqueeze(1), V).squeeze(1).numpy(), weights.numpy()


def luong_oracle(query, keys, values, W=None, mask=None):
    """F.scaled_dot_product_attention with scale=1 (keys replaced by W k for "general"); weights by torch.softmax."""
    import torch
    import torch.nn.functional as F

    q, K, V = oracles.tensor(query), oracles.tensor(keys), oracles.tensor(values)
    if W is not None:
        K = K @ oracles.tensor(W).T  # rows (W k_j)^T, so that q . (W k_j) = q^T W k_j
    weights = _torch_weights((K @ q.unsqueeze(2)).squeeze(2), mask)
    attn_mask = None if mask is None else torch.tensor(np.array(mask)).unsqueeze(1)
    context = F.scaled_dot_product_attention(q.unsqueeze(1), K, V, attn_mask=attn_mask, scale=1.0).squeeze(1)
    if mask is not None:  # fully masked rows: zeros by our convention, whatever the torch version gives
        context = torch.where(torch.tensor(np.array(mask)).any(dim=1, keepdim=True), context, 0.0)
    return context.numpy(), weights.numpy()


def _expect(function, oracle, args, **tolerance):
    context, weights = expect_tuple(function(*args), RESULT, name="результат")
    context_ref, weights_ref = oracle(*args)
    expect_array(weights, weights_ref, name="weights", **tolerance)
    expect_array(context, context_ref, name="context", **tolerance)
    return context, weights


def _expect_additive(student, args, **tolerance):
    return _expect(student.additive_attention, additive_oracle, args, **tolerance)


def _expect_luong(student, args, **tolerance):
    return _expect(student.luong_attention, luong_oracle, args, **tolerance)


def _expect_mask_respected(weights, mask):
    """Weights exactly 0 on padding; each row with a valid position sums to 1 over its valid positions."""
    leaked = (weights != 0.0) & ~mask
    if leaked.any():
        where = ", ".join(str(int(i)) for i in np.argwhere(leaked)[0])
        raise Mismatch(f"weights: {int(leaked.sum())} позиций паддинга (mask = False) получили ненулевой вес, "
                       f"например weights[{where}] = {weights[leaked][0]:.6g}, а должно быть ровно 0")
    live = mask.any(axis=1)
    expect_array(weights[live].sum(axis=1), np.ones(int(live.sum())), name="сумма весов строки по оси T",
                 rtol=0.0, atol=1e-12)


# -- probes: inputs that tell the catalogued mistakes apart -----------------------------


def _additive_probes(rng):
    return [additive_inputs(rng, 3, 4, 2, 3, 5, 4), additive_inputs(rng, 1, 5, 3, 2, 2, 3)]


def _luong_probes(rng):
    return [luong_inputs(rng, 3, 4, 3, 3, 2), luong_inputs(rng, 2, 5, 4, 4, 3, general=False)]


EXERCISE = Exercise(
    id="ex26_attention",
    topic=26,
    framework="numpy",
    part_names=["additive_attention", "luong_attention"],
    probes={"additive_attention": _additive_probes, "luong_attention": _luong_probes},
)


# -- 26.1 additive_attention --------------------------------------------------------------


@EXERCISE.check("additive_attention", points=3,
                title="context и weights совпадают с композицией torch (B от 1 до 4, паддинг в конце строк, "
                      "B ≠ T ≠ D, допуск 1e-10)")
def additive_matches_torch(student, rng):
    for shape in SHAPES:
        _expect_additive(student, additive_inputs(rng, *shape))
    query, keys, values, W_q, W_k, v, _ = additive_inputs(rng, 2, 4, 3, 2, 5, 4)
    _expect_additive(student, (query, keys, values, W_q, W_k, v, None))


@EXERCISE.check("additive_attention", points=2,
                title="паддинг получает вес ровно 0, веса строки суммируются в 1, содержимое паддинга "
                      "не влияет на ответ")
def additive_respects_mask(student, rng):
    query, keys, values, W_q, W_k, v, mask = additive_inputs(rng, 4, 6, 3, 4, 2, 5)
    context, weights = _expect_additive(student, (query, keys, values, W_q, W_k, v, mask))
    _expect_mask_respected(weights, mask)
    junk = ~mask[:, :, None]  # overwrite the padded keys and values with huge numbers
    noisy_keys, noisy_values = np.where(junk, 1e6, keys), np.where(junk, -1e6, values)
    again, again_weights = expect_tuple(student.additive_attention(query, noisy_keys, noisy_values, W_q, W_k, v, mask),
                                        RESULT, name="результат с другим содержимым паддинга")
    expect_array(again_weights, weights, name="weights при другом содержимом паддинга")
    expect_array(again, context, name="context при другом содержимом паддинга")


@EXERCISE.check("additive_attention", points=2,
                title="перестановка позиций вместе с маской переставляет веса и не меняет context "
                      "(случайные размеры)")
@given(dims=st.tuples(st.integers(1, 4), st.integers(1, 6), st.integers(1, 4), st.integers(1, 4),
                      st.integers(1, 4), st.integers(1, 5)),
       seed=st.integers(0, 2**32 - 1))
def additive_permutation_equivariant(student, dims, seed):
    rng = np.random.default_rng(seed)
    query, keys, values, W_q, W_k, v, mask = additive_inputs(rng, *dims)
    context, weights = _expect_additive(student, (query, keys, values, W_q, W_k, v, mask))
    order = rng.permutation(dims[1])
    shuffled = expect_tuple(student.additive_attention(query, keys[:, order], values[:, order], W_q, W_k, v,
                                                       mask[:, order]), RESULT, name="результат после перестановки")
    expect_array(shuffled[1], weights[:, order], name="weights после перестановки позиций")
    expect_array(shuffled[0], context, name="context после перестановки позиций")


@EXERCISE.check("additive_attention", points=1,
                title="строка без единой настоящей позиции даёт нули (не NaN); скоры порядка 1e3 не ломают softmax")
def additive_edge_cases(student, rng):
    query, keys, values, W_q, W_k, v, mask = additive_inputs(rng, 3, 4, 2, 3, 4, 5)
    mask = mask.copy()
    mask[1] = False
    context, weights = _expect_additive(student, (query, keys, values, W_q, W_k, v, mask))
    expect_array(weights[1], np.zeros(4), name="weights полностью замаскированной строки", rtol=0.0, atol=0.0)
    expect_array(context[1], np.zeros(4), name="context полностью замаскированной строки", rtol=0.0, atol=0.0)
    _expect_additive(student, additive_inputs(rng, 2, 5, 3, 2, 3, 6, scale=1e3))


# -- 26.2 luong_attention -----------------------------------------------------------------


@EXERCISE.check("luong_attention", points=2,
                title="скор dot совпадает с F.scaled_dot_product_attention(scale=1) (допуск 1e-10)")
def luong_dot_matches_torch(student, rng):
    for batch, steps, d_q, _, d_v, _ in SHAPES:
        _expect_luong(student, luong_inputs(rng, batch, steps, d_q, d_q, d_v, general=False))


@EXERCISE.check("luong_attention", points=3,
                title="скор general qᵀWk совпадает с torch: D_q ≠ D_k и квадратная несимметричная W")
def luong_general_matches_torch(student, rng):
    for batch, steps, d_q, d_k, d_v, _ in SHAPES:
        _expect_luong(student, luong_inputs(rng, batch, steps, d_q, d_k, d_v))
    _expect_luong(student, luong_inputs(rng, 3, 4, 5, 5, 2))  # D_q = D_k: a transposed W still runs


@EXERCISE.check("luong_attention", points=2,
                title="маска: паддинг с весом 0, mask=None как все True, пустая строка даёт нули, скоры ~1e3 конечны")
def luong_masks_and_edge_cases(student, rng):
    query, keys, values, W, mask = luong_inputs(rng, 4, 5, 3, 4, 2)
    _, weights = _expect_luong(student, (query, keys, values, W, mask))
    _expect_mask_respected(weights, mask)
    full = np.ones(mask.shape, dtype=bool)
    context_none, weights_none = _expect_luong(student, (query, keys, values, W, None))
    context_full, weights_full = _expect_luong(student, (query, keys, values, W, full))
    expect_array(weights_full, weights_none, name="weights при mask из одних True (ожидались как при mask=None)")
    expect_array(context_full, context_none, name="context при mask из одних True (ожидался как при mask=None)")
    empty = mask.copy()
    empty[2] = False
    context, weights = _expect_luong(student, (query, keys, values, W, empty))
    expect_array(weights[2], np.zeros(5), name="weights полностью замаскированной строки", rtol=0.0, atol=0.0)
    expect_array(context[2], np.zeros(2), name="context полностью замаскированной строки", rtol=0.0, atol=0.0)
    _expect_luong(student, luong_inputs(rng, 2, 6, 4, 4, 3, general=False, scale=300.0))
