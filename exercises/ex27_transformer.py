"""Exercise 27: scaled dot-product attention, multi-head attention, positional encoding and a
Transformer encoder layer in NumPy (topic 27).

Implement the four functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Grade your work with `grade exercise 27` (a single part: `grade exercise 27.2`).

Conventions:
- all float arrays are float64 and read-only: do not modify the inputs;
- the two PyTorch mask conventions differ, and each function below follows its own model:
  ``scaled_dot_product_attention`` takes ``mask`` with True = the key MAY be attended
  (like the bool ``attn_mask`` of ``F.scaled_dot_product_attention``), while
  ``multi_head_attention`` takes ``key_padding_mask`` with True = the key is padding and is
  BLOCKED (like ``nn.MultiheadAttention``);
- batch first everywhere: (B, L, E) for queries, (B, S, E) for keys and values.
"""

import numpy as np


def scaled_dot_product_attention(q: np.ndarray, k: np.ndarray, v: np.ndarray,
                                 mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Attention(Q, K, V) = softmax(Q K^T / sqrt(d_k)) V over the last two axes.

    q: (..., L, d_k); k: (..., S, d_k); v: (..., S, d_v), float64, with the same leading
    (batch, head, ...) axes; a plain 2-D (L, d_k) query works too.
    mask: bool array broadcastable to (..., L, S), True = query i may look at key j,
    False = blocked (its weight is exactly 0); None means no mask.
    The softmax runs over the key axis (the last one) and must stay finite for scores of
    order 1e3. A query row whose keys are ALL blocked gets weights 0 and output 0 (no NaN),
    which is what ``F.scaled_dot_product_attention`` returns for such a row.
    Returns (output, weights): float64 arrays of shapes (..., L, d_v) and (..., L, S).
    """
    raise NotImplementedError("ex27.1: implement scaled_dot_product_attention")


def multi_head_attention(query: np.ndarray, key: np.ndarray, value: np.ndarray, in_proj_weight: np.ndarray,
                         in_proj_bias: np.ndarray, out_proj_weight: np.ndarray, out_proj_bias: np.ndarray,
                         num_heads: int,
                         key_padding_mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Multi-head attention exactly as ``nn.MultiheadAttention(E, num_heads, batch_first=True)``.

    query: (B, L, E); key, value: (B, S, E); L and S may differ; E is divisible by num_heads,
    head_dim = E // num_heads.
    in_proj_weight: (3E, E), the rows stacked as [W_q; W_k; W_v]; in_proj_bias: (3E,) as
    [b_q; b_k; b_v]; out_proj_weight: (E, E); out_proj_bias: (E,). A linear map is
    x @ W.T + b, as in ``nn.Linear``.
    Head h uses the columns h*head_dim:(h+1)*head_dim of the projected Q, K and V; each head is
    scaled dot-product attention with d_k = head_dim; the heads' outputs are concatenated
    back in the same order and passed through the output projection.
    key_padding_mask: (B, S) bool, True = the key is padding and is BLOCKED for every query of
    that example (the convention of ``nn.MultiheadAttention``); None means no padding. Every
    example keeps at least one key that is not padding.
    Returns (output, weights) like ``need_weights=True, average_attn_weights=True``:
    output (B, L, E) and the attention weights averaged over the heads, (B, L, S), float64.
    """
    raise NotImplementedError("ex27.2: implement multi_head_attention")


def sinusoidal_positional_encoding(max_len: int, d_model: int) -> np.ndarray:
    """The sinusoidal positional encoding of "Attention Is All You Need".

    Positions pos = 0 .. max_len - 1 (max_len >= 1), d_model even (>= 2), pair index
    i = 0 .. d_model/2 - 1:
        PE[pos, 2i]     = sin(pos / 10000 ** (2i / d_model))
        PE[pos, 2i + 1] = cos(pos / 10000 ** (2i / d_model))
    (sin on even columns, cos on odd columns, interleaved, not two halves).
    Returns a (max_len, d_model) float64 array.
    """
    raise NotImplementedError("ex27.3: implement sinusoidal_positional_encoding")


def encoder_layer(x: np.ndarray, params: dict[str, np.ndarray], num_heads: int) -> np.ndarray:
    """One ``nn.TransformerEncoderLayer`` in eval mode, post-norm (norm_first=False).

    The layer is nn.TransformerEncoderLayer(d_model=E, nhead=num_heads, dim_feedforward=F,
    dropout=0.0, activation='relu', batch_first=True, norm_first=False), layer_norm_eps=1e-5:
        h = LayerNorm1(x + SelfAttention(x))
        y = LayerNorm2(h + linear2(relu(linear1(h))))
    x: (B, L, E) float64. params: the layer's state_dict as float64 arrays, keys
    'self_attn.in_proj_weight' (3E, E), 'self_attn.in_proj_bias' (3E,),
    'self_attn.out_proj.weight' (E, E), 'self_attn.out_proj.bias' (E,),
    'linear1.weight' (F, E), 'linear1.bias' (F,), 'linear2.weight' (E, F), 'linear2.bias' (E,),
    'norm1.weight', 'norm1.bias', 'norm2.weight', 'norm2.bias' (E,) each.
    LayerNorm normalises each token over its E features with the biased variance:
    (z - mean) / sqrt(var + 1e-5) * weight + bias. Self-attention has no mask.
    Returns a (B, L, E) float64 array.
    """
    raise NotImplementedError("ex27.4: implement encoder_layer")
