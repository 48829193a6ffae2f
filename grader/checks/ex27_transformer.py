"""Checks of exercise 27: attention, multi-head attention, positional encoding, an encoder layer.

Oracles, all in float64 at grade time: ``F.scaled_dot_product_attention`` (its weights are
obtained by attending to the identity matrix as values), ``nn.MultiheadAttention`` and
``nn.TransformerEncoderLayer`` with the same weights copied in, and the positional-encoding
formula written with torch. Shapes keep L, S, d_k, d_v and E apart, so that a transposed or
misplaced axis cannot pass by accident.
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import expect, expect_array, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian

OUT_NAMES = ("output", "weights")
LN_EPS = 1e-5


# -- inputs ------------------------------------------------------------------------------


def attention_inputs(rng, lead, length, source, d_k, d_v, scale=1.0):
    """(q, k, v) of shapes (*lead, L, d_k), (*lead, S, d_k), (*lead, S, d_v)."""
    return (gaussian(rng, *lead, length, d_k, scale=scale), gaussian(rng, *lead, source, d_k, scale=scale),
            gaussian(rng, *lead, source, d_v))


def random_mask(rng, shape):
    """A bool mask (True = allowed) with at least one allowed key in every row."""
    mask = rng.random(shape) < 0.6
    rows = mask.reshape(-1, shape[-1])
    rows[np.arange(rows.shape[0]), rng.integers(0, shape[-1], size=rows.shape[0])] = True
    return rows.reshape(shape)


def mha_inputs(rng, batch, length, source, embed, heads):
    """Positional arguments of ``multi_head_attention`` without a mask; every bias nonzero."""
    return (gaussian(rng, batch, length, embed), gaussian(rng, batch, source, embed),
            gaussian(rng, batch, source, embed), gaussian(rng, 3 * embed, embed, scale=0.6),
            gaussian(rng, 3 * embed), gaussian(rng, embed, embed, scale=0.6), gaussian(rng, embed), heads)


def padding_mask(rng, batch, source):
    """(B, S) bool, True = padding (blocked); every example keeps at least one real key."""
    pad = rng.random((batch, source)) < 0.4
    pad[np.arange(batch), rng.integers(0, source, size=batch)] = False
    return pad


def layer_params(rng, embed, hidden):
    """A random state_dict of nn.TransformerEncoderLayer(embed, ., hidden); LayerNorm weights not 1."""
    return {
        "self_attn.in_proj_weight": gaussian(rng, 3 * embed, embed, scale=0.6),
        "self_attn.in_proj_bias": gaussian(rng, 3 * embed, scale=0.3),
        "self_attn.out_proj.weight": gaussian(rng, embed, embed, scale=0.6),
        "self_attn.out_proj.bias": gaussian(rng, embed, scale=0.3),
        "linear1.weight": gaussian(rng, hidden, embed, scale=0.6),
        "linear1.bias": gaussian(rng, hidden, scale=0.3),
        "linear2.weight": gaussian(rng, embed, hidden, scale=0.6),
        "linear2.bias": gaussian(rng, embed, scale=0.3),
        "norm1.weight": 1.0 + gaussian(rng, embed, scale=0.3),
        "norm1.bias": gaussian(rng, embed, scale=0.3),
        "norm2.weight": 1.0 + gaussian(rng, embed, scale=0.3),
        "norm2.bias": gaussian(rng, embed, scale=0.3),
    }


# -- oracles -----------------------------------------------------------------------------


def sdpa_oracle(q, k, v, mask=None):
    """F.scaled_dot_product_attention; its weights are the output for V = identity (P @ I = P)."""
    import torch.nn.functional as F

    attn_mask = None if mask is None else oracles.tensor(mask)
    source = k.shape[-2]
    eye = np.broadcast_to(np.eye(source), (*k.shape[:-2], source, source))
    output = F.scaled_dot_product_attention(oracles.tensor(q), oracles.tensor(k), oracles.tensor(v),
                                            attn_mask=attn_mask)
    weights = F.scaled_dot_product_attention(oracles.tensor(q), oracles.tensor(k), oracles.tensor(eye),
                                             attn_mask=attn_mask)
    return output.numpy(), weights.numpy()


def mha_oracle(query, key, value, in_w, in_b, out_w, out_b, heads, key_padding_mask=None):
    """nn.MultiheadAttention(batch_first=True) with copied weights (grad on: the slow, exact path)."""
    import torch

    embed = query.shape[-1]
    module = torch.nn.MultiheadAttention(embed, heads, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        module.in_proj_weight.copy_(oracles.tensor(in_w))
        module.in_proj_bias.copy_(oracles.tensor(in_b))
        module.out_proj.weight.copy_(oracles.tensor(out_w))
        module.out_proj.bias.copy_(oracles.tensor(out_b))
    pad = None if key_padding_mask is None else oracles.tensor(key_padding_mask)
    output, weights = module(oracles.tensor(query), oracles.tensor(key), oracles.tensor(value),
                             key_padding_mask=pad, need_weights=True, average_attn_weights=True)
    return output.detach().numpy(), weights.detach().numpy()


def encoder_oracle(x, params, heads):
    """nn.TransformerEncoderLayer in eval mode, post-norm, with the state_dict copied in."""
    import torch

    embed, hidden = x.shape[-1], params["linear1.weight"].shape[0]
    layer = torch.nn.TransformerEncoderLayer(embed, heads, hidden, dropout=0.0, activation="relu",
                                             batch_first=True, norm_first=False, dtype=torch.float64)
    layer.load_state_dict({name: oracles.tensor(value) for name, value in params.items()})
    layer.eval()
    return layer(oracles.tensor(x)).detach().numpy()


def encoding_oracle(max_len, d_model):
    """PE written with torch: angle = pos * exp(-2i * ln(10000) / d)."""
    import math

    import torch

    pos = torch.arange(max_len, dtype=torch.float64)[:, None]
    freq = torch.exp(torch.arange(0, d_model, 2, dtype=torch.float64) * (-math.log(10000.0) / d_model))
    pe = torch.zeros(max_len, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(pos * freq)
    pe[:, 1::2] = torch.cos(pos * freq)
    return pe.numpy()


# -- probes: inputs that tell the catalogued mistakes apart ---------------------------------


def _attention_probes(rng):
    q, k, v = attention_inputs(rng, (2,), 3, 4, 5, 2)
    mask = random_mask(rng, (2, 3, 4))
    mask[0, 1] = False  # one fully blocked row
    return [(q, k, v, mask), (*attention_inputs(rng, (2,), 3, 4, 5, 2), None)]


def _mha_probes(rng):
    args = mha_inputs(rng, 2, 3, 4, 6, 2)
    return [(*args, padding_mask(rng, 2, 4)), (*mha_inputs(rng, 1, 2, 5, 4, 2), None)]


def _encoding_probes(rng):
    return [(6, 8), (3, 4)]


def _encoder_probes(rng):
    return [(gaussian(rng, 2, 3, 4), layer_params(rng, 4, 6), 2)]


EXERCISE = Exercise(
    id="ex27_transformer",
    topic=27,
    framework="numpy",
    part_names=["scaled_dot_product_attention", "multi_head_attention", "sinusoidal_positional_encoding",
                "encoder_layer"],
    probes={"scaled_dot_product_attention": _attention_probes, "multi_head_attention": _mha_probes,
            "sinusoidal_positional_encoding": _encoding_probes, "encoder_layer": _encoder_probes},
)


def _expect_attention(student, q, k, v, mask=None):
    output, weights = expect_tuple(student.scaled_dot_product_attention(q, k, v, mask), OUT_NAMES,
                                   name="scaled_dot_product_attention(...)")
    output_ref, weights_ref = sdpa_oracle(q, k, v, mask)
    expect_array(weights, weights_ref, name="weights")
    expect_array(output, output_ref, name="output")
    return output, weights


def _expect_mha(student, args):
    output, weights = expect_tuple(student.multi_head_attention(*args), OUT_NAMES,
                                   name="multi_head_attention(...)")
    output_ref, weights_ref = mha_oracle(*args)
    expect_array(weights, weights_ref, name="weights (среднее по головам)")
    expect_array(output, output_ref, name="output")
    return output, weights


def _expect_encoder(student, x, params, heads):
    return expect_array(student.encoder_layer(x, params, heads), encoder_oracle(x, params, heads),
                        name="encoder_layer(x)")


# -- 27.1 scaled_dot_product_attention -----------------------------------------------------


@EXERCISE.check("scaled_dot_product_attention", points=2,
                title="без маски совпадает с F.scaled_dot_product_attention (L ≠ S, d_k ≠ d_v, ранг 2–4, B = 1)")
@given(lead=st.sampled_from([(), (1,), (3,), (2, 3)]), length=st.integers(1, 5), source=st.integers(1, 6),
       d_k=st.integers(1, 7), d_v=st.integers(1, 4), seed=st.integers(0, 2**32 - 1))
def attention_matches_torch(student, lead, length, source, d_k, d_v, seed):
    rng = np.random.default_rng(seed)
    _expect_attention(student, *attention_inputs(rng, lead, length, source, d_k, d_v, scale=1.5))


@EXERCISE.check("scaled_dot_product_attention", points=2,
                title="булева маска (True = можно смотреть): причинная (L, S) и своя у каждого примера (B, L, S)")
def attention_respects_mask(student, rng):
    q, k, v = attention_inputs(rng, (2,), 4, 4, 3, 5)
    causal = np.tril(np.ones((4, 4), dtype=bool))
    _, weights = _expect_attention(student, q, k, v, causal)
    expect(np.all(weights[:, ~causal] == 0.0), "weights: запрещённые маской позиции должны получить вес ровно 0")
    q, k, v = attention_inputs(rng, (3,), 2, 5, 4, 3)
    _expect_attention(student, q, k, v, random_mask(rng, (3, 2, 5)))


@EXERCISE.check("scaled_dot_product_attention", points=1,
                title="строка, где запрещены все ключи, даёт веса 0 и выход 0 (как в torch), без NaN")
def attention_fully_masked_row(student, rng):
    q, k, v = attention_inputs(rng, (2,), 3, 4, 3, 2)
    mask = random_mask(rng, (2, 3, 4))
    row = int(rng.integers(0, 3))
    mask[1, row] = False
    output, weights = _expect_attention(student, q, k, v, mask)
    expect(np.all(output[1, row] == 0.0) and np.all(weights[1, row] == 0.0),
           f"output[1, {row}] и weights[1, {row}] должны быть нулями: у этого запроса нет ни одного ключа")


@EXERCISE.check("scaled_dot_product_attention", points=1,
                title="конечна и точна при скорах порядка 1e3; веса каждой строки в сумме дают 1")
def attention_is_stable(student, rng):
    q, k, v = attention_inputs(rng, (2,), 3, 4, 4, 3, scale=25.0)
    _, weights = _expect_attention(student, q, k, v)
    expect_array(weights.sum(axis=-1), np.ones((2, 3)), name="сумма весов по ключам")


# -- 27.2 multi_head_attention -------------------------------------------------------------

MHA_SHAPES = [(2, 3, 5, 6, 2), (1, 4, 4, 8, 4), (3, 2, 6, 6, 3), (1, 1, 3, 4, 1)]  # (B, L, S, E, heads)


@EXERCISE.check("multi_head_attention", points=3,
                title="совпадает с nn.MultiheadAttention (выход и веса; L ≠ S, 1–4 головы, B = 1)")
def mha_matches_torch(student, rng):
    for shape in MHA_SHAPES:
        _expect_mha(student, mha_inputs(rng, *shape))


@EXERCISE.check("multi_head_attention", points=2,
                title="key_padding_mask: True = паддинг, такие ключи получают вес 0 (соглашение nn.MultiheadAttention)")
def mha_respects_padding(student, rng):
    for batch, length, source, embed, heads in [(3, 4, 5, 6, 2), (1, 2, 4, 4, 2)]:
        pad = padding_mask(rng, batch, source)
        _, weights = _expect_mha(student, (*mha_inputs(rng, batch, length, source, embed, heads), pad))
        expect(np.all(weights.transpose(0, 2, 1)[pad] == 0.0), "weights: ключи-паддинги должны получить вес 0")


@EXERCISE.check("multi_head_attention", points=1,
                title="выход не зависит от ключей и значений в позициях паддинга")
def mha_ignores_padding_values(student, rng):
    args = list(mha_inputs(rng, 2, 3, 5, 4, 2))
    pad = padding_mask(rng, 2, 5)
    pad[:, 0] = True
    pad[:, 1] = False
    output, _ = _expect_mha(student, (*args, pad))
    for index in (1, 2):  # key and value: replace the padded positions with large noise
        changed = args[index].copy()
        changed[pad] = gaussian(rng, int(pad.sum()), args[index].shape[-1], scale=100.0)
        args[index] = changed
    again, _ = expect_tuple(student.multi_head_attention(*args, pad), OUT_NAMES, name="multi_head_attention(...)")
    expect_array(again, output, name="output с изменёнными паддингами", rtol=1e-9, atol=1e-11)


# -- 27.3 sinusoidal_positional_encoding -----------------------------------------------------


@EXERCISE.check("sinusoidal_positional_encoding", points=2,
                title="совпадает с формулой sin/cos(pos / 10000^(2i/d)) при разных max_len и чётных d_model")
@given(max_len=st.integers(1, 60), half=st.integers(1, 40))
def encoding_matches_formula(student, max_len, half):
    expect_array(student.sinusoidal_positional_encoding(max_len, 2 * half), encoding_oracle(max_len, 2 * half),
                 name="PE", rtol=1e-9, atol=1e-11)


@EXERCISE.check("sinusoidal_positional_encoding", points=1,
                title="PE[0] = (0, 1, 0, 1, ...), ‖PE[pos]‖² = d/2 и длинные последовательности (max_len = 1000)")
def encoding_invariants(student, rng):
    d_model = 2 * int(rng.integers(3, 12))
    pe = expect_array(student.sinusoidal_positional_encoding(1000, d_model), encoding_oracle(1000, d_model),
                      name="PE", rtol=1e-9, atol=1e-10)
    expect_array(pe[0], np.tile([0.0, 1.0], d_model // 2), name="PE[0]")
    expect_array((pe**2).sum(axis=1), np.full(1000, d_model / 2), name="‖PE[pos]‖²", rtol=1e-9)


@EXERCISE.check("sinusoidal_positional_encoding", points=1,
                title="сдвиг на k позиций — поворот каждой пары (sin, cos) на угол k·ω_i")
def encoding_shift_is_rotation(student, rng):
    d_model, shift = 2 * int(rng.integers(2, 8)), int(rng.integers(1, 20))
    pe = expect_array(student.sinusoidal_positional_encoding(40, d_model), encoding_oracle(40, d_model),
                      name="PE", rtol=1e-9, atol=1e-11)
    omega = 1.0 / 10000.0 ** (np.arange(0, d_model, 2) / d_model)
    sin, cos = pe[:-shift, 0::2], pe[:-shift, 1::2]
    c, s = np.cos(shift * omega), np.sin(shift * omega)
    expect_array(pe[shift:, 0::2], sin * c + cos * s, name=f"PE[pos + {shift}, 2i]", rtol=1e-9, atol=1e-11)
    expect_array(pe[shift:, 1::2], cos * c - sin * s, name=f"PE[pos + {shift}, 2i+1]", rtol=1e-9, atol=1e-11)


# -- 27.4 encoder_layer ----------------------------------------------------------------------

LAYER_SHAPES = [(2, 5, 8, 2, 12), (1, 1, 4, 1, 6), (3, 4, 6, 3, 5)]  # (B, L, E, heads, F)


@EXERCISE.check("encoder_layer", points=3,
                title="совпадает с nn.TransformerEncoderLayer (post-norm, eval) с тем же state_dict; B = 1, L = 1")
def encoder_matches_torch(student, rng):
    for batch, length, embed, heads, hidden in LAYER_SHAPES:
        _expect_encoder(student, gaussian(rng, batch, length, embed), layer_params(rng, embed, hidden), heads)


@EXERCISE.check("encoder_layer", points=1,
                title="последней стоит LayerNorm2: (y − β₂)/γ₂ у каждого токена имеет среднее 0 и дисперсию ≈ 1")
def encoder_ends_with_norm(student, rng):
    params = layer_params(rng, 6, 10)
    x = gaussian(rng, 2, 4, 6, scale=5.0)
    y = _expect_encoder(student, x, params, 2)
    z = (y - params["norm2.bias"]) / params["norm2.weight"]
    expect_array(z.mean(axis=-1), np.zeros((2, 4)), name="среднее (y − β₂)/γ₂ по признакам", atol=1e-9)
    variance = z.var(axis=-1)
    expect(np.all((variance > 0.9) & (variance < 1.0 + 1e-9)),
           f"дисперсия (y − β₂)/γ₂ по признакам должна быть чуть меньше 1, получено {variance.min():.4g}…"
           f"{variance.max():.4g}")


@EXERCISE.check("encoder_layer", points=1,
                title="перестановка токенов переставляет выход (в слое нет информации о позициях)")
def encoder_is_permutation_equivariant(student, rng):
    params = layer_params(rng, 4, 7)
    x = gaussian(rng, 2, 5, 4)
    y = _expect_encoder(student, x, params, 2)
    order = rng.permutation(5)
    expect_array(student.encoder_layer(x[:, order], params, 2), y[:, order], name="encoder_layer(x[:, perm])",
                 rtol=1e-9, atol=1e-11)
