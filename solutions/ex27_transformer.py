"""Reference solution of exercise 27: scaled dot-product attention, multi-head attention, positional encoding and a
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
    d_k = q.shape[-1]
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d_k)  # (..., L, S)
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)  # a blocked key gets exp(-inf) = 0
    # the stable softmax over the keys; a fully blocked row has max -inf: shift it by 0 instead
    row_max = scores.max(axis=-1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)
    exps = np.exp(scores - row_max)
    total = exps.sum(axis=-1, keepdims=True)
    weights = np.divide(exps, total, out=np.zeros_like(exps), where=total > 0)  # 0/0 -> 0
    return weights @ v, weights


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
    batch, length, embed = query.shape
    head_dim = embed // num_heads
    W_q, W_k, W_v = np.split(in_proj_weight, 3)  # (E, E) each, packed [W_q; W_k; W_v]
    b_q, b_k, b_v = np.split(in_proj_bias, 3)
    q = query @ W_q.T + b_q  # (B, L, E)
    k = key @ W_k.T + b_k  # (B, S, E)
    v = value @ W_v.T + b_v

    def split_heads(x):
        # (B, T, E) -> (B, T, h, head_dim) -> (B, h, T, head_dim): head h owns a block of columns
        return x.reshape(batch, x.shape[1], num_heads, head_dim).transpose(0, 2, 1, 3)

    allowed = None
    if key_padding_mask is not None:
        allowed = ~key_padding_mask[:, None, None, :]  # (B, 1, 1, S), True = may be attended
    heads, weights = scaled_dot_product_attention(split_heads(q), split_heads(k), split_heads(v), allowed)
    concat = heads.transpose(0, 2, 1, 3).reshape(batch, length, embed)  # undo the split
    output = concat @ out_proj_weight.T + out_proj_bias
    return output, weights.mean(axis=1)  # (B, h, L, S) -> (B, L, S)


def sinusoidal_positional_encoding(max_len: int, d_model: int) -> np.ndarray:
    """The sinusoidal positional encoding of "Attention Is All You Need".

    Positions pos = 0 .. max_len - 1 (max_len >= 1), d_model even (>= 2), pair index
    i = 0 .. d_model/2 - 1:
        PE[pos, 2i]     = sin(pos / 10000 ** (2i / d_model))
        PE[pos, 2i + 1] = cos(pos / 10000 ** (2i / d_model))
    (sin on even columns, cos on odd columns, interleaved, not two halves).
    Returns a (max_len, d_model) float64 array.
    """
    positions = np.arange(max_len, dtype=np.float64)[:, None]  # (max_len, 1)
    two_i = np.arange(0, d_model, 2, dtype=np.float64)  # 0, 2, 4, ..., d_model - 2
    angles = positions / 10000.0 ** (two_i / d_model)  # (max_len, d_model / 2)
    encoding = np.empty((max_len, d_model))
    encoding[:, 0::2] = np.sin(angles)
    encoding[:, 1::2] = np.cos(angles)
    return encoding


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
    attention, _ = multi_head_attention(
        x, x, x, params["self_attn.in_proj_weight"], params["self_attn.in_proj_bias"],
        params["self_attn.out_proj.weight"], params["self_attn.out_proj.bias"], num_heads)
    # post-norm: the residual sum is normalised, first after attention, then after the FFN
    h = _layer_norm(x + attention, params["norm1.weight"], params["norm1.bias"])
    hidden = np.maximum(h @ params["linear1.weight"].T + params["linear1.bias"], 0.0)
    feed_forward = hidden @ params["linear2.weight"].T + params["linear2.bias"]
    return _layer_norm(h + feed_forward, params["norm2.weight"], params["norm2.bias"])


def _layer_norm(z: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """LayerNorm over the last axis (the features of one token), biased variance, eps inside the root."""
    mean = z.mean(axis=-1, keepdims=True)
    var = z.var(axis=-1, keepdims=True)
    return (z - mean) / np.sqrt(var + eps) * weight + bias
