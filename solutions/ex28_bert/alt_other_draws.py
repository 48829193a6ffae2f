"""Correct alternative for exercise 28: one draw picks the 80/10/10 case; one-hot embeddings; a parts table."""


def mlm_mask(token_ids, special_mask, vocab_size, rng, mask_id):
    eligible = ~np.asarray(special_mask, dtype=bool)
    chosen = eligible & (rng.random(token_ids.shape) < 0.15)
    case = rng.random(token_ids.shape)  # [0, 0.8): [MASK]; [0.8, 0.9): random token; [0.9, 1): unchanged
    inputs = np.array(token_ids, dtype=np.int64, copy=True)
    inputs[chosen & (case < 0.8)] = mask_id
    randomised = chosen & (case >= 0.8) & (case < 0.9)
    inputs[randomised] = rng.integers(0, vocab_size, size=int(randomised.sum()))
    labels = np.full(token_ids.shape, -100, dtype=np.int64)
    labels[chosen] = token_ids[chosen]
    return inputs, labels


def bert_embeddings(input_ids, token_type_ids, word_emb, pos_emb, type_emb, gamma, beta, eps=1e-12):
    batch, steps = input_ids.shape
    words = np.eye(word_emb.shape[0])[input_ids] @ word_emb
    types = np.eye(type_emb.shape[0])[token_type_ids] @ type_emb
    positions = np.stack([pos_emb[t] for t in range(steps)])
    x = words + types + positions
    normalised = (x - x.mean(axis=2, keepdims=True)) / np.sqrt(x.var(axis=2, keepdims=True) + eps)
    return normalised * gamma + beta


def bert_parameter_count(vocab, hidden, layers, heads, intermediate, max_pos, type_vocab):
    head_dim = hidden // heads
    linear = lambda n_in, n_out: n_in * n_out + n_out  # noqa: E731 - a weight (n_out, n_in) and a bias
    norm = 2 * hidden
    embeddings = vocab * hidden + max_pos * hidden + type_vocab * hidden + norm
    # every head has its own (head_dim x hidden) slices of W_Q, W_K, W_V; together they make hidden x hidden
    attention = 3 * heads * linear(hidden, head_dim) + linear(hidden, hidden)
    layer = attention + norm + linear(hidden, intermediate) + linear(intermediate, hidden) + norm
    return embeddings + layers * layer + linear(hidden, hidden)
