"""Reference solution of exercise 21: co-occurrence counts, PPMI, SVD vectors, neighbours (topic 21).

Implement the four functions below; each is one part of the exercise. NumPy only:
importing torch, scipy, sklearn or other libraries is not allowed here.
Inputs are read-only when graded: build new arrays, never write into an argument.
Grade your work with `grade exercise 21` (a single part: `grade exercise 21.2`).
"""

import numpy as np


def cooccurrence_matrix(corpus_ids: list, vocab_size: int, window: int) -> np.ndarray:
    """Symmetric-window co-occurrence counts of a corpus split into sentences.

    corpus_ids: a list of sentences; each sentence is a 1-D integer array of word ids in
        [0, vocab_size) (a sentence may have length 1).
    vocab_size: V, the number of words; window: k >= 1.
    Returns a (V, V) float64 array X where X[i, j] is the number of ordered pairs of
    positions (p, q) in the same sentence with 1 <= |p - q| <= k, word i at p and word j at q.
    Both the left and the right context count, the centre position itself never does, and
    windows do not cross sentence boundaries. Every occurrence counts 1 (no distance
    weighting); X is symmetric, and X[i, i] > 0 only if word i repeats within k positions.
    """
    counts = np.zeros((vocab_size, vocab_size))
    for sentence in corpus_ids:
        n = len(sentence)
        for p in range(n):
            # context positions: up to k to the left and up to k to the right, not p itself
            for q in range(max(0, p - window), min(n, p + window + 1)):
                if q != p:
                    counts[sentence[p], sentence[q]] += 1.0
    return counts


def ppmi(counts: np.ndarray) -> np.ndarray:
    """Positive pointwise mutual information of a (W, C) float64 count matrix.

    Rows are words, columns are contexts (W may differ from C). With N = counts.sum(),
    P(i, j) = counts[i, j] / N, P(i) = row sum / N, P(j) = column sum / N:
        PMI(i, j) = ln(P(i, j) / (P(i) P(j))) = ln(counts[i, j] * N / (row_i * col_j)),
        PPMI(i, j) = max(PMI(i, j), 0).
    Natural logarithm, no smoothing. Where counts[i, j] == 0 (zero rows and columns
    included) the result is 0, never NaN or inf. Returns a (W, C) float64 array.
    """
    total = counts.sum()
    rows = counts.sum(axis=1, keepdims=True)  # (W, 1)
    cols = counts.sum(axis=0, keepdims=True)  # (1, C)
    result = np.zeros(counts.shape)
    seen = counts > 0  # there row_i > 0 and col_j > 0 as well, so the ratio is finite
    expected = (rows * cols)[seen] / total  # counts expected if words and contexts were independent
    result[seen] = np.maximum(np.log(counts[seen] / expected), 0.0)
    return result


def svd_embeddings(matrix: np.ndarray, dim: int) -> np.ndarray:
    """Word vectors from a truncated SVD of a (W, C) float64 matrix.

    With matrix = U S V^T (singular values in decreasing order) returns U_d S_d: the first
    `dim` columns of U, each multiplied by its singular value; shape (W, dim), float64,
    1 <= dim <= min(W, C). The sign of each column is arbitrary (the grader does not
    depend on it). np.linalg.svd is allowed.
    """
    u, s, _ = np.linalg.svd(matrix, full_matrices=False)
    return u[:, :dim] * s[:dim]


def nearest_neighbours(embeddings: np.ndarray, index: int, k: int) -> list:
    """The k words whose vectors are closest to word `index` by cosine similarity.

    embeddings: (W, d) float64 with no zero rows; 0 <= index < W; 1 <= k <= W - 1.
    cos(u, v) = u . v / (|u| |v|). Returns a list of k int indices, most similar first;
    the word `index` itself is excluded (other rows, even identical ones, are not);
    equal similarities are ordered by the smaller index first.
    """
    unit = embeddings / np.linalg.norm(embeddings, axis=1, keepdims=True)
    similarity = unit @ unit[index]
    others = [j for j in range(len(embeddings)) if j != index]
    # sort by decreasing similarity; Python's sort is stable, so ties keep increasing index
    others.sort(key=lambda j: -similarity[j])
    return others[:k]
