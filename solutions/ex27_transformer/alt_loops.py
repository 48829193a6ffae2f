"""Correct alternative for exercise 27: loops over rows and heads, per-head weight slices, math.sin/cos."""

import math


def scaled_dot_product_attention(q, k, v, mask=None):
    lead = np.broadcast_shapes(q.shape[:-2], k.shape[:-2])
    length, source = q.shape[-2], k.shape[-2]
    allowed = np.ones((length, source), dtype=bool) if mask is None else mask
    allowed = np.broadcast_to(allowed, (*lead, length, source))
    qs = np.broadcast_to(q, (*lead, *q.shape[-2:]))
    ks = np.broadcast_to(k, (*lead, *k.shape[-2:]))
    vs = np.broadcast_to(v, (*lead, *v.shape[-2:]))
    weights = np.zeros((*lead, length, source))
    for index in np.ndindex(*lead):
        for i in range(length):
            keep = np.flatnonzero(allowed[index][i])
            if keep.size == 0:
                continue  # no key for this query: weights and output stay 0
            scores = [float(qs[index][i] @ ks[index][j]) / math.sqrt(q.shape[-1]) for j in keep]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            for j, e in zip(keep, exps, strict=True):
                weights[index][i, j] = e / sum(exps)
    output = np.einsum("...ls,...sd->...ld", weights, vs)
    return output, weights


def multi_head_attention(query, key, value, in_proj_weight, in_proj_bias, out_proj_weight, out_proj_bias,
                         num_heads, key_padding_mask=None):
    batch, length, embed = query.shape
    head_dim = embed // num_heads
    allowed = None
    if key_padding_mask is not None:
        allowed = np.logical_not(key_padding_mask)[:, None, :]  # (B, 1, S), broadcast over queries
    concat = np.zeros((batch, length, embed))
    weight_sum = np.zeros((batch, length, key.shape[1]))
    for h in range(num_heads):
        cols = slice(h * head_dim, (h + 1) * head_dim)
        q = query @ in_proj_weight[cols].T + in_proj_bias[cols]
        k = key @ in_proj_weight[embed:][cols].T + in_proj_bias[embed:][cols]
        v = value @ in_proj_weight[2 * embed:][cols].T + in_proj_bias[2 * embed:][cols]
        out, weights = scaled_dot_product_attention(q, k, v, allowed)
        concat[..., cols] = out
        weight_sum += weights
    return concat @ out_proj_weight.T + out_proj_bias, weight_sum / num_heads


def sinusoidal_positional_encoding(max_len, d_model):
    pe = np.zeros((max_len, d_model))
    for pos in range(max_len):
        for i in range(d_model // 2):
            angle = pos / math.pow(10000.0, 2 * i / d_model)
            pe[pos, 2 * i] = math.sin(angle)
            pe[pos, 2 * i + 1] = math.cos(angle)
    return pe


def encoder_layer(x, params, num_heads):
    def norm(z, name):
        centred = z - z.mean(axis=-1, keepdims=True)
        std = np.sqrt((centred**2).mean(axis=-1, keepdims=True) + 1e-5)
        return centred / std * params[name + ".weight"] + params[name + ".bias"]

    p = {name.removeprefix("self_attn."): value for name, value in params.items()}
    attention = multi_head_attention(x, x, x, p["in_proj_weight"], p["in_proj_bias"], p["out_proj.weight"],
                                     p["out_proj.bias"], num_heads)[0]
    h = norm(x + attention, "norm1")
    pre = np.einsum("ble,fe->blf", h, params["linear1.weight"]) + params["linear1.bias"]
    ff = np.einsum("blf,ef->ble", pre * (pre > 0), params["linear2.weight"]) + params["linear2.bias"]
    return norm(h + ff, "norm2")
