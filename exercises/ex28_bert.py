"""Exercise 28: BERT's masking rule, input embeddings and parameter count (topic 28).

Implement the three functions below; each is one part of the exercise. NumPy only:
importing torch, transformers, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 28` (a single part: `grade exercise 28.2`).
Inputs are read-only: never modify them, build new arrays.
"""

import numpy as np


def mlm_mask(token_ids: np.ndarray, special_mask: np.ndarray, vocab_size: int, rng: np.random.Generator,
             mask_id: int) -> tuple[np.ndarray, np.ndarray]:
    """BERT's masked-language-model corruption, as HuggingFace's DataCollatorForLanguageModeling does it.

    token_ids: (B, T) int64 token ids; special_mask: (B, T) bool, True at [CLS], [SEP], [PAD]
    and other special tokens; vocab_size: int; rng: np.random.Generator, the ONLY source of
    randomness (the same generator state must give the same result); mask_id: the id of [MASK].
    Rule:
    1. every position with special_mask False is chosen independently with probability 0.15
       (a Bernoulli draw per token, not a fixed count per sequence); special tokens are never chosen;
    2. of the chosen positions, 80% (on average) become mask_id, 10% become a token drawn uniformly
       from [0, vocab_size), and 10% keep their original id (the three cases are decided
       independently for every chosen position);
    3. positions that are not chosen keep their id.
    Returns (inputs, labels): two new (B, T) int64 arrays; labels hold the ORIGINAL id at chosen
    positions and -100 everywhere else (the loss ignores them).
    """
    raise NotImplementedError("ex28.1: implement mlm_mask")


def bert_embeddings(input_ids: np.ndarray, token_type_ids: np.ndarray, word_emb: np.ndarray, pos_emb: np.ndarray,
                    type_emb: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    """BERT's input representation: LayerNorm(word + position + token type), as BertEmbeddings in eval mode.

    input_ids: (B, T) int64 token ids; token_type_ids: (B, T) int64 segment ids (0 = sentence A,
    1 = sentence B); word_emb: (V, H); pos_emb: (P, H) with P >= T, position t of every sequence
    uses row t (positions start at 0); type_emb: (S, H); gamma, beta: (H,) LayerNorm parameters;
    eps: added to the variance inside the square root (BERT uses 1e-12).
    The three embeddings are SUMMED (not concatenated); LayerNorm normalises each token's
    H-vector with its mean and biased (population) variance, then scales by gamma and adds beta.
    Dropout is not applied (evaluation mode). Returns a (B, T, H) float64 array.
    """
    raise NotImplementedError("ex28.2: implement bert_embeddings")


def bert_parameter_count(vocab: int, hidden: int, layers: int, heads: int, intermediate: int, max_pos: int,
                         type_vocab: int) -> int:
    """The number of trainable parameters of BertModel with the pooler (no MLM or NSP head).

    Counted: the embeddings (word vocab x hidden, position max_pos x hidden, token type
    type_vocab x hidden) and their LayerNorm (gamma and beta); ``layers`` encoder layers, each
    with the Q, K, V and output projections of self-attention (hidden x hidden weights plus
    biases), a LayerNorm, the feed-forward block hidden -> intermediate -> hidden (weights plus
    biases) and a second LayerNorm; the pooler (a hidden x hidden Linear with bias).
    ``heads`` must divide ``hidden``; it does not change the count. Returns a Python int;
    BERT-base (30522, 768, 12, 12, 3072, 512, 2) has 109,482,240.
    """
    raise NotImplementedError("ex28.3: implement bert_parameter_count")
