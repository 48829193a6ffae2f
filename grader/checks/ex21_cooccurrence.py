"""Checks of exercise 21: co-occurrence counts, PPMI, SVD word vectors and cosine neighbours.

Oracles are computed here at grade time and written differently from a loop solution:
counts as sums of shifted one-hot products, PPMI and the SVD in torch float64, cosine
similarity with ``F.cosine_similarity``. The SVD is compared through sign-free invariants
(the Gram matrices E Eᵀ and EᵀE), so any sign of the singular vectors passes.
"""

import numpy as np

from grader import oracles
from grader.compare import Mismatch, expect, expect_array
from grader.exercise import Exercise
from grader.strategies import gaussian

# The page's worked example: «кошка пьёт молоко», «собака пьёт воду», «кошка пьёт воду»,
# «кошка ловит мышь», «собака ловит мяч» with ids 0 кошка, 1 собака, 2 пьёт, 3 ловит,
# 4 молоко, 5 воду, 6 мышь, 7 мяч.
PAGE_CORPUS = [[0, 2, 4], [1, 2, 5], [0, 2, 5], [0, 3, 6], [1, 3, 7]]


def random_corpus(rng, vocab_size, sentences, longest=10):
    """A list of int64 sentences of lengths 1..longest; words repeat, so the diagonal can fill."""
    return [rng.integers(0, vocab_size, size=int(rng.integers(1, longest + 1))) for _ in range(sentences)]


def counts_oracle(corpus, vocab_size, window):
    """X = Σ over sentences and shifts s = 1..k of (O[:-s]ᵀ O[s:] + its transpose), O one-hot (n, V)."""
    counts = np.zeros((vocab_size, vocab_size))
    for sentence in corpus:
        onehot = np.eye(vocab_size)[np.asarray(sentence, dtype=np.int64)]
        for shift in range(1, min(window, len(sentence) - 1) + 1):
            block = onehot[:-shift].T @ onehot[shift:]
            counts += block + block.T
    return counts


def ppmi_oracle(counts):
    import torch

    x = oracles.tensor(counts)
    expected = x.sum(dim=1, keepdim=True) * x.sum(dim=0, keepdim=True) / x.sum()
    pmi = torch.log(x / expected)
    return torch.where(x > 0, pmi.clamp(min=0.0), torch.zeros_like(x)).numpy()


def count_matrix(rng, words, contexts, zero_rows=0, zero_cols=0):
    """Poisson counts with many zeros (so some PMI are negative), optional all-zero rows and columns."""
    counts = rng.poisson(rng.gamma(0.6, 2.0, size=(words, contexts))).astype(np.float64)
    counts[rng.integers(words), rng.integers(contexts)] += 3.0  # never an all-zero matrix
    for i in rng.choice(words, size=zero_rows, replace=False):
        counts[i] = 0.0
    for j in rng.choice(contexts, size=zero_cols, replace=False):
        counts[:, j] = 0.0
    return counts if counts.sum() > 0 else counts + 1.0


def svd_oracle(matrix, dim):
    import torch

    u, s, _ = torch.linalg.svd(oracles.tensor(matrix), full_matrices=False)
    return u[:, :dim].numpy(), s[:dim].numpy()


def neighbours_oracle(embeddings, index, k):
    import torch.nn.functional as F

    e = oracles.tensor(embeddings)
    cosines = F.cosine_similarity(e, e[index].expand_as(e), dim=1).numpy()
    order = sorted((j for j in range(len(embeddings)) if j != index), key=lambda j: (-cosines[j], j))
    return order[:k], cosines


def spread_embeddings(rng, words, dim):
    """Rows with lengths from about 0.05 to 20: Euclidean and dot-product rankings differ from cosine."""
    return gaussian(rng, words, dim) * np.exp(rng.uniform(-3.0, 3.0, size=(words, 1)))


def _probes_counts(rng):
    return [([np.array([0, 1, 2, 0]), np.array([3, 1]), np.array([2])], 4, 2),
            (random_corpus(rng, 5, 3, 6), 5, 1)]


def _probes_ppmi(rng):
    return [(count_matrix(rng, 5, 4, zero_rows=1),), (count_matrix(rng, 3, 6),)]


def _probes_svd(rng):
    return [(gaussian(rng, 6, 4), 2), (gaussian(rng, 3, 5), 1)]


def _probes_neighbours(rng):
    return [(spread_embeddings(rng, 8, 3), 2, 3), (spread_embeddings(rng, 6, 2), 0, 5)]


EXERCISE = Exercise(
    id="ex21_cooccurrence",
    topic=21,
    framework="numpy",
    part_names=["cooccurrence_matrix", "ppmi", "svd_embeddings", "nearest_neighbours"],
    probes={"cooccurrence_matrix": _probes_counts, "ppmi": _probes_ppmi, "svd_embeddings": _probes_svd,
            "nearest_neighbours": _probes_neighbours},
)


def _expect_counts(student, corpus, vocab_size, window):
    got = student.cooccurrence_matrix(corpus, vocab_size, window)
    return expect_array(got, counts_oracle(corpus, vocab_size, window),
                        name=f"X (окно {window})", rtol=0.0, atol=1e-9)


def _expect_matrix(got, shape, name):
    """A finite float64 ndarray of this shape (its values are checked through invariants)."""
    expect(isinstance(got, np.ndarray), f"{name}: ожидался numpy.ndarray формы {shape}, получено {type(got).__name__}")
    expect(got.shape == shape, f"{name}: форма {got.shape}, а ожидалась {shape}")
    expect(got.dtype == np.float64, f"{name}: тип элементов {got.dtype}, а ожидался float64")
    expect(bool(np.isfinite(got).all()), f"{name}: есть NaN или бесконечные значения")
    return got


def _as_indices(got, k, name):
    """The returned list (or 1-D integer array) of k indices, as Python ints."""
    try:
        values = np.asarray(got)
    except Exception:  # noqa: BLE001 - whatever came back, it is not a list of indices
        values = np.asarray(None)
    if values.ndim != 1 or values.dtype.kind not in "iu" or len(values) != k:
        raise Mismatch(f"{name}: ожидался список из {k} целых индексов, получено {got!r}"[:300])
    return [int(v) for v in values]


def _expect_indices(got, expected, name):
    """Exactly these indices, in this order."""
    got_list = _as_indices(got, len(expected), name)
    expect(got_list == list(expected), f"{name}: получено {got_list}, а должно быть {list(expected)}")


def _expect_ranking(got, embeddings, index, k, name):
    """The k best cosines in order; words whose cosines differ by rounding only may swap places."""
    expected, cosines = neighbours_oracle(embeddings, index, k)
    got_list = _as_indices(got, k, name)
    expect(index not in got_list, f"{name}: получено {got_list}, а в ответе не должно быть самого слова {index}")
    expect(len(set(got_list)) == k and all(0 <= j < len(embeddings) for j in got_list),
           f"{name}: номера повторяются или выходят за пределы словаря: {got_list}")
    for rank, (j, best) in enumerate(zip(got_list, expected, strict=True)):
        expect(abs(cosines[j] - cosines[best]) <= 1e-12,
               f"{name}: получено {got_list}, а должно быть {expected}",
               f"на месте {rank} стоит слово {j} с косинусом {cosines[j]:.6f}, "
               f"а должно стоять слово {best} с косинусом {cosines[best]:.6f}")


# -- 21.1 cooccurrence_matrix ------------------------------------------------------------


@EXERCISE.check("cooccurrence_matrix", points=2,
                title="пример со страницы: окно 1 и окно 2 на корпусе из пяти предложений (точный счёт)")
def counts_page_example(student, rng):
    corpus = [np.array(s, dtype=np.int64) for s in PAGE_CORPUS]
    for window in (1, 2):
        _expect_counts(student, corpus, 8, window)
    _expect_counts(student, [np.array([5, 3], dtype=np.int64)], 6, 1)  # one pair, words absent elsewhere


@EXERCISE.check("cooccurrence_matrix", points=3,
                title="совпадает с подсчётом через сдвинутые one-hot матрицы на случайных корпусах (окна 1–4)")
def counts_match_oracle(student, rng):
    for window in (1, 2, 3, 4):
        vocab_size = int(rng.integers(4, 9))
        _expect_counts(student, random_corpus(rng, vocab_size, int(rng.integers(1, 6))), vocab_size, window)
    _expect_counts(student, [np.array([2], dtype=np.int64), np.array([1, 1], dtype=np.int64)], 3, 3)


@EXERCISE.check("cooccurrence_matrix", points=1,
                title="X симметрична, сумма равна числу пар позиций, предложения считаются отдельно")
def counts_invariants(student, rng):
    vocab_size, window = 7, int(rng.integers(1, 4))
    corpus = random_corpus(rng, vocab_size, 4, longest=9)
    counts = _expect_counts(student, corpus, vocab_size, window)
    expect_array(counts, counts.T.copy(), name="X − Xᵀ (симметрия)", rtol=0.0, atol=0.0)
    pairs = sum(min(window, p) + min(window, len(s) - 1 - p) for s in corpus for p in range(len(s)))
    expect(counts.sum() == pairs, f"сумма X равна {counts.sum():g}, а пар позиций на расстоянии 1..{window} "
                                  f"внутри предложений {pairs}")
    parts = sum(_expect_matrix(student.cooccurrence_matrix([s], vocab_size, window), counts.shape,
                               name="X одного предложения") for s in corpus)
    expect_array(counts, parts, name="X корпуса минус сумма X отдельных предложений", rtol=0.0, atol=1e-9)


# -- 21.2 ppmi -----------------------------------------------------------------------------


@EXERCISE.check("ppmi", points=2,
                title="совпадает с PPMI в torch (float64) на случайных счётчиках, в том числе W ≠ C")
def ppmi_matches_oracle(student, rng):
    for words, contexts in [(6, 6), (5, 8), (7, 3), (1, 4)]:
        counts = count_matrix(rng, words, contexts)
        expect_array(student.ppmi(counts), ppmi_oracle(counts), name="PPMI", rtol=1e-10, atol=1e-12)


@EXERCISE.check("ppmi", points=1, title="нулевые строки и столбцы дают нули, а не NaN или inf")
def ppmi_zero_rows(student, rng):
    counts = count_matrix(rng, 6, 5, zero_rows=2, zero_cols=1)
    expect_array(student.ppmi(counts), ppmi_oracle(counts), name="PPMI", rtol=1e-10, atol=1e-12)


@EXERCISE.check("ppmi", points=1,
                title="не меняется при умножении счётчиков на число, неотрицательна, нуль там, где счётчик нулевой")
def ppmi_invariants(student, rng):
    counts = count_matrix(rng, 5, 7, zero_rows=1)
    base = expect_array(student.ppmi(counts), ppmi_oracle(counts), name="PPMI", rtol=1e-10, atol=1e-12)
    scaled = student.ppmi(counts * 37.5)
    expect_array(scaled, base, name="PPMI(37.5·X) в сравнении с PPMI(X)", rtol=1e-9, atol=1e-12)
    expect(bool((base >= 0).all()), "PPMI содержит отрицательные значения")
    expect(bool((base[counts == 0] == 0).all()), "PPMI не равна нулю там, где счётчик нулевой")


# -- 21.3 svd_embeddings ------------------------------------------------------------------


def _expect_embeddings(student, matrix, dim):
    u, s = svd_oracle(matrix, dim)
    got = _expect_matrix(student.svd_embeddings(matrix, dim), u.shape, name=f"svd_embeddings(M, {dim})")
    scale = float(s[0]) ** 2
    expect_array(got @ got.T, (u * s) @ (u * s).T, name="E·Eᵀ", rtol=1e-8, atol=1e-10 * scale)
    expect_array(got.T @ got, np.diag(s ** 2), name="Eᵀ·E (квадраты длин столбцов на диагонали)",
                 rtol=1e-8, atol=1e-10 * scale)


@EXERCISE.check("svd_embeddings", points=2,
                title="E·Eᵀ совпадает с U_d S_d² U_dᵀ из torch.linalg.svd (знаки столбцов не важны), W ≠ C")
def svd_gram_matches(student, rng):
    for words, contexts, dim in [(7, 5, 2), (4, 9, 3), (6, 6, 1)]:
        matrix = gaussian(rng, words, contexts)
        u, s = svd_oracle(matrix, dim)
        got = _expect_matrix(student.svd_embeddings(matrix, dim), u.shape, name=f"svd_embeddings(M, {dim})")
        expect_array(got @ got.T, (u * s) @ (u * s).T, name=f"E·Eᵀ (d = {dim})", rtol=1e-8,
                     atol=1e-10 * float(s[0]) ** 2)


@EXERCISE.check("svd_embeddings", points=2,
                title="столбцы ортогональны, их длины — d наибольших сингулярных чисел; d = min(W, C) и PPMI-матрица")
def svd_columns(student, rng):
    _expect_embeddings(student, gaussian(rng, 8, 4), 4)
    counts = counts_oracle(random_corpus(rng, 9, 6), 9, 2)
    _expect_embeddings(student, ppmi_oracle(counts) + 0.01 * gaussian(rng, 9, 9), 3)


# -- 21.4 nearest_neighbours --------------------------------------------------------------


@EXERCISE.check("nearest_neighbours", points=2,
                title="совпадает с ранжированием по F.cosine_similarity на векторах очень разной длины")
def neighbours_match_cosine(student, rng):
    embeddings = spread_embeddings(rng, 12, 4)
    for index in rng.choice(12, size=4, replace=False):
        k = int(rng.integers(1, 6))
        _expect_ranking(student.nearest_neighbours(embeddings, int(index), k), embeddings, int(index), k,
                        name=f"nearest_neighbours(E, {int(index)}, {k})")


@EXERCISE.check("nearest_neighbours", points=1,
                title="само слово исключено, слова того же направления — нет; равные косинусы по возрастанию индекса")
def neighbours_ties_and_self(student, rng):
    base = gaussian(rng, 6, 3)
    words = rng.permutation(9)
    embeddings = np.empty((9, 3))
    scales = [1.0, 2.0, 0.5, 4.0]  # powers of two: the cosines of these rows tie exactly
    for position, word in enumerate(words):
        embeddings[word] = base[0] * scales[position] if position < 4 else base[position - 3]
    index = int(words[int(rng.integers(0, 4))])
    expected, _ = neighbours_oracle(embeddings, index, 5)
    _expect_indices(student.nearest_neighbours(embeddings, index, 5), expected,
                    name=f"nearest_neighbours(E, {index}, 5)")


@EXERCISE.check("nearest_neighbours", points=1, title="крайние случаи: d = 1 (сплошные ничьи), k = 1 и k = W − 1")
def neighbours_edge_cases(student, rng):
    # ±2^n: every formula of the cosine gives exactly ±1 here, so the ties are exact
    line = rng.choice([-1.0, 1.0], size=(7, 1)) * 2.0 ** rng.integers(-3, 4, size=(7, 1))
    for index, k in [(int(rng.integers(7)), 6), (int(rng.integers(7)), 1)]:
        expected, _ = neighbours_oracle(line, index, k)
        _expect_indices(student.nearest_neighbours(line, index, k), expected,
                        name=f"nearest_neighbours(E, {index}, {k}) при d = 1")
    embeddings = spread_embeddings(rng, 5, 6)
    _expect_ranking(student.nearest_neighbours(embeddings, 4, 4), embeddings, 4, 4, name="nearest_neighbours(E, 4, 4)")
