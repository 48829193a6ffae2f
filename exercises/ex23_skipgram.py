"""Exercise 23: skip-gram with negative sampling in NumPy (topic 23).

Implement the four functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 23` (a single part: `grade exercise 23.2`).
"""

import numpy as np


def skipgram_pairs(token_ids: np.ndarray, window: int) -> np.ndarray:
    """All (center, context) training pairs of skip-gram over one sequence.

    token_ids: (n,) int64 array of word ids, n >= 1; window: int >= 1, the radius m.
    Returns an int64 array of shape (P, 2): row = (id of the center word, id of a context
    word). For every position i there is one pair per position j = i + offset with
    offset in -window..-1, 1..window and 0 <= j < n (the window never wraps around and
    never contains the center position itself). Order of the rows: center position i
    ascending; within one center, offsets in the order -window, ..., -1, 1, ..., window.
    A sequence too short for any pair gives shape (0, 2). ``token_ids`` is read-only.
    """
    raise NotImplementedError("ex23.1: implement skipgram_pairs")


def negative_sampling_loss(centers: np.ndarray, contexts: np.ndarray, negatives: np.ndarray,
                           W_in: np.ndarray, W_out: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    """Skip-gram negative-sampling loss of a batch and its gradients.

    centers: (B,) int64 ids of center words; contexts: (B,) int64 ids of the true context
    words; negatives: (B, K) int64 ids of the noise words of each example (ids may repeat,
    and may coincide with the context or the center).
    W_in: (V, D) float64, row w is the input ("center") vector v_w;
    W_out: (V, D) float64, row w is the output ("context") vector u_w.
    For example b with c = centers[b], o = contexts[b], n_k = negatives[b, k]:
        loss_b = -log sigmoid(u_o . v_c) - sum_k log sigmoid(-u_{n_k} . v_c)
    Returns (loss, dW_in, dW_out): loss = the mean of loss_b over the batch (a float);
    dW_in, dW_out: (V, D) float64 gradients of that mean (zero rows for unused words;
    a word used several times collects the sum of all its contributions).
    Must be finite and accurate for dot products as large as +-800.
    """
    raise NotImplementedError("ex23.2: implement negative_sampling_loss")


def noise_distribution(counts: np.ndarray, power: float = 0.75) -> np.ndarray:
    """The noise distribution of negative sampling: unigram counts raised to ``power``.

    counts: (V,) int64 word counts, non-negative, at least one positive; power: 0 < power <= 1.
    Returns a (V,) float64 array P_n(w) = counts[w]**power / sum_u counts[u]**power
    (non-negative, sums to 1; a word with zero count has probability 0).
    ``counts`` is read-only.
    """
    raise NotImplementedError("ex23.3: implement noise_distribution")


def sample_negatives(dist: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Draw ``k`` independent noise-word ids from the distribution ``dist`` (with replacement).

    dist: (V,) float64 probabilities summing to 1 (zeros allowed); k: int >= 1;
    rng: a ``np.random.Generator`` -- the only source of randomness allowed (no np.random.*
    module functions, no new generators), so that one seed always gives the same ids.
    Returns a (k,) int64 array of ids in [0, V): id w appears with probability dist[w]
    in every position, independently; the same id may appear several times.
    """
    raise NotImplementedError("ex23.4: implement sample_negatives")
