"""Correct alternative for exercise 23: a position grid, min/log1p log-sigmoid, loops for gradients, inverse CDF."""


def skipgram_pairs(token_ids, window):
    n = len(token_ids)
    offsets = np.concatenate([np.arange(-window, 0), np.arange(1, window + 1)])  # (2w,)
    centers = np.repeat(np.arange(n), len(offsets))  # row-major over (position, offset)
    others = centers + np.tile(offsets, n)
    keep = (others >= 0) & (others < n)
    ids = np.asarray(token_ids, dtype=np.int64)
    return np.stack([ids[centers[keep]], ids[others[keep]]], axis=1)


def _stable_log_sigmoid(x):
    # log sigma(x) = min(x, 0) - log(1 + e^{-|x|}): the exponent is never positive
    return np.minimum(x, 0.0) - np.log1p(np.exp(-np.abs(x)))


def negative_sampling_loss(centers, contexts, negatives, W_in, W_out):
    batch, k = negatives.shape
    dW_in = np.zeros_like(W_in, dtype=np.float64)
    dW_out = np.zeros_like(W_out, dtype=np.float64)
    total = 0.0
    for b in range(batch):
        c, o = centers[b], contexts[b]
        v = W_in[c]
        s = W_out[o] @ v
        total -= _stable_log_sigmoid(s)
        g = -np.exp(_stable_log_sigmoid(-s)) / batch  # d/ds of -log sigma(s) is -sigma(-s)
        dW_in[c] += g * W_out[o]
        dW_out[o] += g * v
        for j in range(k):
            w = negatives[b, j]
            s = W_out[w] @ v
            total -= _stable_log_sigmoid(-s)
            g = np.exp(_stable_log_sigmoid(s)) / batch  # d/ds of -log sigma(-s) is sigma(s)
            dW_in[c] += g * W_out[w]
            dW_out[w] += g * v
    return total / batch, dW_in, dW_out


def noise_distribution(counts, power=0.75):
    # normalising first is fine as long as the powered values are normalised again
    freqs = counts / counts.sum()
    weights = freqs ** power
    return weights / weights.sum()


def sample_negatives(dist, k, rng):
    cdf = np.cumsum(dist)
    # u * cdf[-1] < cdf[-1], so rounding in the cumulative sum can never push the index past the last word
    u = rng.random(k) * cdf[-1]
    return np.searchsorted(cdf, u, side="right").astype(np.int64)
