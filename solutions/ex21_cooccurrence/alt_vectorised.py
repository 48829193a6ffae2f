"""Correct alternative for exercise 21: shifted one-hot products, masked PMI, eigen-decomposition, argsort."""


def cooccurrence_matrix(corpus_ids, vocab_size, window):
    counts = np.zeros((vocab_size, vocab_size))
    for sentence in corpus_ids:
        onehot = np.eye(vocab_size)[np.asarray(sentence, dtype=int)]  # (n, V)
        for shift in range(1, window + 1):
            pairs = onehot[:-shift].T @ onehot[shift:]  # word at p, word at p + shift
            counts += pairs + pairs.T  # the same pairs seen from the right-hand word
    return counts


def ppmi(counts):
    total = counts.sum()
    outer = np.outer(counts.sum(axis=1), counts.sum(axis=0))
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(counts * total / outer)
    return np.where(counts > 0, np.clip(pmi, 0.0, None), 0.0)


def svd_embeddings(matrix, dim):
    # M M^T = U S^2 U^T: its eigenvectors are the left singular vectors
    values, vectors = np.linalg.eigh(matrix @ matrix.T)
    order = np.argsort(values)[::-1][:dim]
    return vectors[:, order] * np.sqrt(np.clip(values[order], 0.0, None))


def nearest_neighbours(embeddings, index, k):
    norms = np.sqrt((embeddings ** 2).sum(axis=1))
    cosines = embeddings @ embeddings[index] / (norms * norms[index])
    order = np.argsort(-cosines, kind="stable")
    return [int(j) for j in order if j != index][:k]
