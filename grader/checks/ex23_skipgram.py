"""Checks of exercise 23: skip-gram pairs, the negative-sampling loss and the noise distribution, in NumPy.

Oracles, computed at grade time: the pairs from a position grid (exact, seed-generated
sequences) and their invariants (pair count, no self-pairs, symmetry); the loss from
``F.logsigmoid`` in float64 and its gradients from autograd through ``W[ids]`` indexing
(which sums the contributions of repeated ids); the noise distribution from torch in
float64; the sampler from exact properties plus Bernstein bounds with a union bound
(false-reject rate stated in the docstring, at most 1e-6).
"""


import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader import oracles
from grader.bounds import bernstein_radius
from grader.compare import Mismatch, expect, expect_array, expect_scalar, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian, seed_from
from grader.wire import Rng

DELTA = 1e-6  # total false-reject probability of the statistical check
LOSS_TOL = {"rtol": 1e-10, "atol": 1e-12}
GRAD_TOL = {"rtol": 1e-9, "atol": 1e-12}

# -- oracles ------------------------------------------------------------------------------


def oracle_pairs(token_ids, window):
    """(center, context) pairs from a (n, 2*window) grid of neighbour positions, row-major."""
    ids = np.asarray(token_ids, dtype=np.int64)
    n = len(ids)
    offsets = np.array([o for o in range(-window, window + 1) if o != 0])
    neighbours = np.arange(n)[:, None] + offsets[None, :]  # (n, 2w)
    valid = (neighbours >= 0) & (neighbours < n)
    centers = np.broadcast_to(np.arange(n)[:, None], neighbours.shape)
    return np.stack([ids[centers[valid]], ids[neighbours[valid]]], axis=1).astype(np.int64).reshape(-1, 2)


def expected_pair_count(n, window):
    return sum(min(window, i) + min(window, n - 1 - i) for i in range(n))


def torch_sgns(centers, contexts, negatives, W_in, W_out):
    """The mean negative-sampling loss with F.logsigmoid, and autograd gradients of both matrices."""
    import torch
    import torch.nn.functional as F

    w_in = oracles.tensor(W_in, requires_grad=True)
    w_out = oracles.tensor(W_out, requires_grad=True)
    c, o, neg = (torch.as_tensor(np.array(a), dtype=torch.long) for a in (centers, contexts, negatives))
    v = w_in[c]  # (B, D)
    s_pos = (w_out[o] * v).sum(-1)  # (B,)
    s_neg = torch.bmm(w_out[neg], v.unsqueeze(-1)).squeeze(-1)  # (B, K)
    loss = (-F.logsigmoid(s_pos) - F.logsigmoid(-s_neg).sum(-1)).mean()
    loss.backward()
    return float(loss), w_in.grad.numpy(), w_out.grad.numpy()


def torch_noise(counts, power):
    import torch

    weights = torch.tensor(np.array(counts), dtype=torch.float64) ** power
    return (weights / weights.sum()).numpy()


# -- inputs -------------------------------------------------------------------------------


def _sequence(rng, n, vocab):
    return rng.integers(0, vocab, size=n).astype(np.int64)


def _batch(rng, batch, k, vocab, dim, scale=1.0):
    """(centers, contexts, negatives, W_in, W_out) with random ids (repeats likely when vocab is small)."""
    centers = rng.integers(0, vocab, size=batch).astype(np.int64)
    contexts = rng.integers(0, vocab, size=batch).astype(np.int64)
    negatives = rng.integers(0, vocab, size=(batch, k)).astype(np.int64)
    return centers, contexts, negatives, gaussian(rng, vocab, dim, scale=scale), gaussian(rng, vocab, dim, scale=scale)


def _with_repeats(rng, vocab=6, dim=3):
    """A batch with every kind of repetition: a center twice, a negative twice, the context among the negatives."""
    centers = np.array([1, 4, 1], dtype=np.int64)
    contexts = np.array([2, 0, 5], dtype=np.int64)
    negatives = np.array([[3, 3, 2], [5, 1, 5], [0, 4, 4]], dtype=np.int64)
    perm = rng.permutation(vocab).astype(np.int64)  # relabel the words: the repeats stay, the ids vary
    return perm[centers], perm[contexts], perm[negatives], gaussian(rng, vocab, dim), gaussian(rng, vocab, dim)


def _extreme_case():
    """Scores exactly -800, +800 and -800: loss = 800 + 800 + log(1 + e^-800) ~ 1600."""
    W_in = np.array([[20.0, 20.0], [0.5, -1.0], [1.0, 0.0]])
    W_out = np.array([[-20.0, -20.0], [20.0, 20.0], [0.3, 0.2]])
    # center 0 (v = [20, 20]); context 0 (u.v = -800); negatives 1 (+800) and 0 (-800)
    return (np.array([0], dtype=np.int64), np.array([0], dtype=np.int64), np.array([[1, 0]], dtype=np.int64),
            W_in, W_out)


def _counts(rng, vocab):
    """Zipf-like word counts: a few frequent words and a long tail, all positive."""
    ranks = np.arange(1, vocab + 1)
    counts = np.round(rng.uniform(2e3, 5e3) / ranks ** rng.uniform(1.0, 1.4)).astype(np.int64) + 1
    return rng.permutation(counts)


# -- probes -------------------------------------------------------------------------------


def _pairs_probes(rng):
    return [(np.array([3, 1, 4, 1, 5, 9, 2], dtype=np.int64), 2), (np.array([7, 8], dtype=np.int64), 1),
            (rng.permutation(20)[:9].astype(np.int64), 3)]


def _loss_probes(rng):
    return [_with_repeats(rng), _extreme_case(), _batch(rng, 2, 3, 5, 4)]


def _noise_probes(rng):
    counts = _counts(rng, 6)
    return [(counts,), (counts, 0.5), (np.array([5, 0, 20], dtype=np.int64),)]


def _sampler_probes(rng):
    dist = torch_noise(np.array([40, 0, 7, 12, 1], dtype=np.int64), 0.75)
    return [(dist, 50, Rng(seed_from(rng))), (dist, 3, Rng(seed_from(rng)))]


EXERCISE = Exercise(
    id="ex23_skipgram",
    topic=23,
    framework="numpy",
    part_names=["skipgram_pairs", "negative_sampling_loss", "noise_distribution", "sample_negatives"],
    probes={"skipgram_pairs": _pairs_probes, "negative_sampling_loss": _loss_probes,
            "noise_distribution": _noise_probes, "sample_negatives": _sampler_probes},
)


# -- 23.1 skipgram_pairs ------------------------------------------------------------------


def _expect_pairs(student, token_ids, window):
    return expect_array(student.skipgram_pairs(token_ids, window), oracle_pairs(token_ids, window),
                        name=f"skipgram_pairs(..., window={window})", rtol=0, atol=0)


@EXERCISE.check("skipgram_pairs", points=2,
                title="пары и их порядок точно совпадают с эталоном "
                      "на случайных последовательностях (длина 1–12, окно 1–4)")
@given(tokens=st.lists(st.integers(0, 6), min_size=1, max_size=12), window=st.integers(1, 4))
@example(tokens=[3, 1, 4, 1, 5], window=2)
def pairs_match_oracle(student, tokens, window):
    _expect_pairs(student, np.array(tokens, dtype=np.int64), window)


@EXERCISE.check("skipgram_pairs", points=2,
                title="длинная последовательность из seed и края: одно слово (0 пар), окно длиннее текста, два слова")
def pairs_long_and_edges(student, rng):
    n, window = int(rng.integers(15, 26)), int(rng.integers(2, 4))
    _expect_pairs(student, _sequence(rng, n, 1000), window)
    for tokens, window in (([int(rng.integers(0, 50))], 2),
                           (rng.integers(0, 50, size=3).tolist(), 5),
                           (rng.integers(0, 50, size=2).tolist(), 1)):
        _expect_pairs(student, np.array(tokens, dtype=np.int64), window)


@EXERCISE.check("skipgram_pairs", points=1,
                title="инварианты: число пар Σ[min(w,i)+min(w,n−1−i)], нет пар «слово—оно же», пары симметричны")
def pairs_invariants(student, rng):
    n, window = int(rng.integers(8, 14)), int(rng.integers(1, 4))
    tokens = rng.permutation(100)[:n].astype(np.int64)  # all distinct: a pair (a, a) can only be the center itself
    pairs = student.skipgram_pairs(tokens, window)
    expect(isinstance(pairs, np.ndarray) and pairs.ndim == 2 and pairs.shape[1:] == (2,),
           f"ожидался numpy.ndarray формы (P, 2), получено {type(pairs).__name__} "
           f"{getattr(pairs, 'shape', '')}")
    selfish = pairs[pairs[:, 0] == pairs[:, 1]]
    if len(selfish):
        raise Mismatch(f"{len(selfish)} пар вида (a, a), например ({selfish[0, 0]}, {selfish[0, 1]}), "
                       f"хотя все {n} слов последовательности различны",
                       "центральное слово не является своим контекстом: смещение 0 в окно не входит")
    expected = expected_pair_count(n, window)
    expect(len(pairs) == expected, f"получено {len(pairs)} пар, а для n = {n} и window = {window} должно быть "
                                   f"Σ_i [min(w, i) + min(w, n−1−i)] = {expected}")
    forward, backward = {tuple(p) for p in pairs.tolist()}, {(b, a) for a, b in pairs.tolist()}
    missing = sorted(backward - forward)
    if missing:
        raise Mismatch(f"есть пара {missing[0][::-1]}, но нет обратной {missing[0]}: окно должно быть "
                       "симметричным (соседи слева и справа на расстоянии до window)")


# -- 23.2 negative_sampling_loss ----------------------------------------------------------


def _loss_and_grads(student, args):
    return expect_tuple(student.negative_sampling_loss(*args), ("loss", "dW_in", "dW_out"),
                        name="negative_sampling_loss(...)")


def _expect_loss(student, args):
    loss, dW_in, dW_out = _loss_and_grads(student, args)
    expect_scalar(loss, torch_sgns(*args)[0], name="loss", **LOSS_TOL)
    return loss, dW_in, dW_out


def _expect_all(student, args):
    oracle = torch_sgns(*args)
    loss, dW_in, dW_out = _loss_and_grads(student, args)
    expect_scalar(loss, oracle[0], name="loss", **LOSS_TOL)
    expect_array(dW_in, oracle[1], name="dW_in", **GRAD_TOL)
    expect_array(dW_out, oracle[2], name="dW_out", **GRAD_TOL)


@EXERCISE.check("negative_sampling_loss", points=2,
                title="потеря совпадает с −logsigmoid(u_o·v_c) − Σ logsigmoid(−u_k·v_c) (torch, float64; B = 1, V ≠ D)")
def loss_matches_torch(student, rng):
    for batch, k, vocab, dim in ((1, 1, 3, 2), (int(rng.integers(3, 6)), 5, 7, 3), (6, 3, 20, 8)):
        _expect_loss(student, _batch(rng, batch, k, vocab, dim))


@EXERCISE.check("negative_sampling_loss", points=3,
                title="dW_in и dW_out совпадают с autograd, повторяющиеся id "
                      "(центр, негатив, контекст среди негативов) суммируются")
def gradients_match_autograd(student, rng):
    _expect_all(student, _batch(rng, 1, 2, 4, 3))
    _expect_all(student, _with_repeats(rng))
    _expect_all(student, _batch(rng, 8, 6, 5, 2))  # 5 words, 56 ids: many repeats


@EXERCISE.check("negative_sampling_loss", points=2,
                title="потеря и градиенты конечны и точны при скалярных произведениях ±800 и больше")
def loss_is_stable(student, rng):
    _expect_all(student, _extreme_case())
    _expect_all(student, _batch(rng, 4, 3, 6, 4, scale=25.0))  # scores of order ±1000


# -- 23.3 noise_distribution --------------------------------------------------------------


def _expect_noise(student, counts, power=None):
    if power is None:
        got, label = student.noise_distribution(counts), "noise_distribution(counts)"
        power = 0.75
    else:
        got, label = student.noise_distribution(counts, power), f"noise_distribution(counts, {power:g})"
    return expect_array(got, torch_noise(counts, power), name=label, rtol=1e-12, atol=1e-15)


@EXERCISE.check("noise_distribution", points=2,
                title="совпадает с c^p / Σ c^p (torch, float64) при степени по умолчанию 3/4 и при p = 0.5 и 1")
def noise_matches_torch(student, rng):
    counts = _counts(rng, int(rng.integers(7, 12)))
    _expect_noise(student, counts)
    for power in (0.5, 1.0):
        _expect_noise(student, counts, power)


@EXERCISE.check("noise_distribution", points=2,
                title="края: нулевой счётчик даёт 0, одно слово — [1.0], счётчики до 1e15; сумма равна 1")
def noise_edges(student, rng):
    counts = _counts(rng, 6)
    counts[int(rng.integers(0, 6))] = 0
    probs = _expect_noise(student, counts)
    expect_array(np.array(probs.sum()), np.array(1.0), name="сумма вероятностей", rtol=0, atol=1e-12)
    _expect_noise(student, np.array([int(rng.integers(1, 100))], dtype=np.int64))
    _expect_noise(student, (_counts(rng, 5) * 10**11).astype(np.int64))


@EXERCISE.check("noise_distribution", points=1,
                title="свойства: сумма 1, не меняется при умножении счётчиков на 3, совпадает с torch (Hypothesis)")
@given(counts=st.lists(st.integers(0, 10**6), min_size=1, max_size=10).filter(any),
       power=st.floats(0.1, 1.0))
def noise_properties(student, counts, power):
    counts = np.array(counts, dtype=np.int64)
    probs = _expect_noise(student, counts, power)
    expect_array(np.array(probs.sum()), np.array(1.0), name="сумма вероятностей", rtol=0, atol=1e-12)
    scaled = student.noise_distribution(counts * 3, power)
    expect_array(scaled, probs, name=f"noise_distribution(3·counts, {power:g})", rtol=1e-12, atol=1e-15)


# -- 23.4 sample_negatives ----------------------------------------------------------------


def _sampler_dist(rng):
    """A noise distribution over 8 words, one of them with zero count."""
    counts = _counts(rng, 8)
    counts[int(rng.integers(0, 8))] = 0
    return torch_noise(counts, 0.75)


def _draw(student, dist, k, seed):
    ids = student.sample_negatives(dist, k, Rng(seed))
    name = f"sample_negatives(dist, {k}, rng)"
    expect(isinstance(ids, np.ndarray), f"{name}: ожидался numpy.ndarray, получено {type(ids).__name__}")
    expect(ids.shape == (k,), f"{name}: форма {ids.shape}, а ожидалась ({k},)")
    expect(ids.dtype == np.int64, f"{name}: тип элементов {ids.dtype}, а ожидался int64 (номера слов)")
    bad = (ids < 0) | (ids >= len(dist))
    if bad.any():
        raise Mismatch(f"{name}: id {ids[bad][0]} вне словаря [0, {len(dist)})")
    zero = dist[ids] == 0.0
    if zero.any():
        raise Mismatch(f"{name}: выпало слово {ids[zero][0]}, у которого dist = 0 "
                       f"({int(zero.sum())} раз из {k})", "слово выпадает с вероятностью dist[id], а не равновероятно")
    return ids


@EXERCISE.check("sample_negatives", points=2,
                title="форма (k,), int64, id из [0, V), слова с нулевой вероятностью не выпадают; k = 1 и k > V; "
                      "один seed — одни и те же id")
def sampler_exact_properties(student, rng):
    """False-reject rate: two different seeds giving the same 400 ids has probability at most
    max(dist)^400 < 1e-12 (max(dist) <= 0.9 here); every other condition is exact."""
    dist, seed = _sampler_dist(rng), seed_from(rng)
    _draw(student, dist, 1, seed)
    ids = _draw(student, dist, 400, seed)
    expect(np.array_equal(_draw(student, dist, 400, seed), ids),
           "два вызова с генератором np.random.default_rng(seed) с одним и тем же seed дали разные id: "
           "берите случайность только из rng")
    expect(not np.array_equal(_draw(student, dist, 400, seed + 1), ids),
           "генераторы с разными seed дали одинаковые id")


@EXERCISE.check("sample_negatives", points=3,
                title="частоты 200 000 выборок близки к dist (граница Бернштейна, ложный отказ ≤ 1e-6)")
def sampler_frequencies(student, rng):
    """False-reject rate: for each of the V = 8 words the frequency of a correct sampler leaves
    its two-sided Bernstein interval (variance p(1-p), spread max(p, 1-p)) with probability at
    most 1e-6 / 8; by the union bound, at most 1e-6 in all."""
    dist, n = _sampler_dist(rng), 200_000
    ids = _draw(student, dist, n, seed_from(rng))
    freqs = np.bincount(ids, minlength=len(dist)) / n
    for w, (p, f) in enumerate(zip(dist, freqs, strict=True)):
        radius = bernstein_radius(n, p * (1.0 - p), max(p, 1.0 - p), DELTA / len(dist))
        if abs(f - p) > radius:
            raise Mismatch(f"слово {w} выпало с частотой {f:.5f}, а dist[{w}] = {p:.5f} "
                           f"(допуск ±{radius:.5f} на {n} выборках)",
                           "каждый id должен выпадать с вероятностью dist[id], независимо от других")
