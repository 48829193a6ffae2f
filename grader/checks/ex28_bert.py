"""Checks of exercise 28: BERT's MLM masking rule, its input embeddings and its parameter count, in NumPy.

Oracles, computed at grade time: exact invariants and Hoeffding bounds for the masking
rule (each statistical test rejects a correct solution with probability at most 1e-7,
and the four statistical tests of part 28.1 together at most 6e-7); ``F.embedding`` and
``F.layer_norm`` in float64 for the embeddings; for the parameter count, a model assembled
from ``nn.Embedding``, ``nn.LayerNorm``, ``nn.TransformerEncoderLayer`` and ``nn.Linear`` on
the meta device (nothing is allocated), whose layers have exactly the parameters of a BERT
layer, plus the published total of BERT-base.
"""


import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader import oracles
from grader.bounds import hoeffding_radius
from grader.compare import Mismatch, expect, expect_array, expect_int, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian, seed_from
from grader.wire import Rng

DELTA = 1e-7  # false-reject probability of one statistical test
IGNORE = -100
BERT_BASE = (30522, 768, 12, 12, 3072, 512, 2)
BERT_LARGE = (30522, 1024, 24, 16, 4096, 512, 2)


# -- 28.1 inputs: sentences with [CLS], [SEP] and padding --------------------------------


def mlm_batch(rng, batch, steps, min_tokens=1, max_tokens=None):
    """(token_ids, special_mask, vocab_size, mask_id) for ``batch`` rows [CLS] w1..wn [SEP] [PAD]...

    The special ids and the vocabulary size vary with ``rng``; ordinary tokens never equal a
    special id or the [MASK] id.
    """
    vocab = int(rng.integers(500, 3000))
    pad, cls, sep, mask_id = (int(i) for i in rng.choice(np.arange(1, 30), size=4, replace=False))
    pad = 0 if rng.random() < 0.5 else pad
    max_tokens = steps - 2 if max_tokens is None else max_tokens
    ids = np.full((batch, steps), pad, dtype=np.int64)
    for row in range(batch):
        n = int(rng.integers(min_tokens, max_tokens + 1))
        ids[row, 0], ids[row, n + 1] = cls, sep
        ids[row, 1:n + 1] = rng.integers(30, vocab, size=n)
    special = np.isin(ids, (pad, cls, sep))
    return ids, special, vocab, mask_id


def _mlm(student, ids, special, vocab, mask_id, seed):
    inputs, labels = expect_tuple(student.mlm_mask(ids, special, vocab, Rng(seed), mask_id), ("inputs", "labels"),
                                  name="mlm_mask(...)")
    for name, value in (("inputs", inputs), ("labels", labels)):
        expect(isinstance(value, np.ndarray), f"{name}: ожидался numpy.ndarray, получено {type(value).__name__}")
        expect(value.shape == ids.shape, f"{name}: форма {value.shape}, а ожидалась {ids.shape} (как у token_ids)")
        expect(value.dtype == np.int64, f"{name}: тип элементов {value.dtype}, а нужен int64")
    return inputs, labels


def _first(flags):
    return ", ".join(str(int(i)) for i in np.argwhere(flags)[0])


def _expect_mlm_invariants(ids, special, vocab, inputs, labels):
    """Exact rules: labels are -100 or the original id; unchosen and special positions keep their ids."""
    chosen = labels != IGNORE
    bad = chosen & (labels != ids)
    if bad.any():
        raise Mismatch(f"labels: в {int(bad.sum())} позициях метка не −100 и не равна исходному токену, например "
                       f"labels[{_first(bad)}] = {labels[bad][0]}, а token_ids там {ids[bad][0]}",
                       "метка выбранной позиции — исходный id (до замены), у остальных — −100")
    touched = special & chosen
    if touched.any():
        raise Mismatch(f"специальный токен выбран для маскирования: labels[{_first(touched)}] = {labels[touched][0]}, "
                       f"{int(touched.sum())} таких позиций из {int(special.sum())}",
                       "позиции со special_mask = True выбирать нельзя: их метка −100")
    changed = ~chosen & (inputs != ids)
    if changed.any():
        raise Mismatch(f"inputs: изменено {int(changed.sum())} невыбранных позиций (labels = −100), например "
                       f"inputs[{_first(changed)}] = {inputs[changed][0]}, а token_ids там {ids[changed][0]}",
                       "менять можно только выбранные позиции (у которых метка — исходный токен)")
    outside = (inputs < 0) | (inputs >= vocab)
    if outside.any():
        raise Mismatch(f"inputs: id вне словаря [0, {vocab}), например "
                       f"inputs[{_first(outside)}] = {inputs[outside][0]}")


def _expect_fraction(observed, count, expected, what, slack=0.0):
    """Hoeffding test of a frequency: |observed/count - expected| < radius (false reject <= DELTA)."""
    radius = hoeffding_radius(count, DELTA) + slack
    share = observed / count
    expect(abs(share - expected) < radius,
           f"{what}: {observed} из {count} = {share:.4f}, а ожидалось {expected:.4f} ± {radius:.4f} "
           f"(граница Хёфдинга; верное решение выходит за неё с вероятностью меньше {DELTA:g})")


# -- 28.2 and 28.3 inputs and oracles -------------------------------------------------------


def embedding_inputs(rng, batch, steps, hidden, vocab, max_pos, type_vocab, scale=1.0):
    """(input_ids, token_type_ids, word_emb, pos_emb, type_emb, gamma, beta)."""
    ids = rng.integers(0, vocab, size=(batch, steps))
    types = rng.integers(0, type_vocab, size=(batch, steps))
    return (ids, types, gaussian(rng, vocab, hidden, scale=scale), gaussian(rng, max_pos, hidden, scale=scale),
            gaussian(rng, type_vocab, hidden, scale=scale), 1.0 + 0.5 * gaussian(rng, hidden), gaussian(rng, hidden))


def embeddings_oracle(ids, types, word, pos, type_, gamma, beta, eps=1e-12):
    """BertEmbeddings in eval mode: F.embedding of the three tables, summed, then F.layer_norm."""
    import torch
    import torch.nn.functional as F

    positions = torch.arange(ids.shape[1])
    summed = (F.embedding(torch.tensor(ids), oracles.tensor(word)) + F.embedding(positions, oracles.tensor(pos))
              + F.embedding(torch.tensor(types), oracles.tensor(type_)))
    return F.layer_norm(summed, (word.shape[1],), oracles.tensor(gamma), oracles.tensor(beta), eps=eps).numpy()


def _expect_embeddings(student, args, eps=1e-12):
    return expect_array(student.bert_embeddings(*args, eps), embeddings_oracle(*args, eps), name="эмбеддинги",
                        rtol=1e-9, atol=1e-11)


def torch_bert_count(vocab, hidden, layers, heads, intermediate, max_pos, type_vocab):
    """Parameters of Embedding x3 + LayerNorm + layers x TransformerEncoderLayer + pooler Linear, on meta."""
    import torch
    import torch.nn as nn

    meta = {"device": "meta"}

    def embedding(rows):  # a meta table passed in: nn.Embedding's normal_ init on meta is slow to set up
        return nn.Embedding(rows, hidden, _weight=torch.empty(rows, hidden, **meta))

    modules = [embedding(vocab), embedding(max_pos), embedding(type_vocab), nn.LayerNorm(hidden, **meta),
               nn.Linear(hidden, hidden, **meta)]
    layer = sum(p.numel() for p in nn.TransformerEncoderLayer(hidden, heads, intermediate, **meta).parameters())
    return sum(p.numel() for m in modules for p in m.parameters()) + layers * layer


def bert_config(rng):
    """A small BERT-like configuration; hidden is a multiple of heads."""
    heads = int(rng.integers(1, 9))
    hidden = heads * int(rng.integers(2, 17))
    return (int(rng.integers(100, 5000)), hidden, int(rng.integers(1, 7)), heads,
            int(rng.integers(hidden, 4 * hidden + 8)), int(rng.integers(16, 600)), int(rng.integers(1, 5)))


# -- probes ---------------------------------------------------------------------------------


def _mlm_probes(rng):
    ids, special, vocab, mask_id = mlm_batch(rng, 6, 30, min_tokens=10)
    short = mlm_batch(rng, 40, 6, min_tokens=4, max_tokens=4)
    return [(ids, special, vocab, Rng(seed_from(rng)), mask_id), (*short[:3], Rng(seed_from(rng)), short[3])]


def _embedding_probes(rng):
    return [(*embedding_inputs(rng, 2, 4, 5, 9, 6, 2, scale=0.1), 0.25),
            (*embedding_inputs(rng, 1, 3, 6, 5, 3, 2), 1e-12)]


def _count_probes(rng):
    config = bert_config(rng)
    vocab, hidden, layers, _, intermediate, max_pos, type_vocab = config
    return [config, (vocab, hidden, layers, 1, intermediate, max_pos, type_vocab)]


EXERCISE = Exercise(
    id="ex28_bert",
    topic=28,
    framework="numpy",
    part_names=["mlm_mask", "bert_embeddings", "bert_parameter_count"],
    probes={"mlm_mask": _mlm_probes, "bert_embeddings": _embedding_probes, "bert_parameter_count": _count_probes},
)


# -- 28.1 mlm_mask ------------------------------------------------------------------------------


@EXERCISE.check("mlm_mask", points=3,
                title="точные правила: спецтокены не тронуты, метки — исходный id или −100, невыбранные позиции "
                      "не меняются, один и тот же rng даёт один и тот же ответ")
def mlm_invariants(student, rng):
    for batch, steps in ((1, 12), (8, 40)):
        ids, special, vocab, mask_id = mlm_batch(rng, batch, steps)
        seed = seed_from(rng)
        inputs, labels = _mlm(student, ids, special, vocab, mask_id, seed)
        _expect_mlm_invariants(ids, special, vocab, inputs, labels)
        again = _mlm(student, ids, special, vocab, mask_id, seed)
        expect(np.array_equal(again[0], inputs) and np.array_equal(again[1], labels),
               "повторный вызов с генератором, созданным из того же seed, дал другой результат: "
               "вся случайность должна идти через аргумент rng")
    ids, special, vocab, mask_id = mlm_batch(rng, 8, 40, min_tokens=30)
    first, second = (_mlm(student, ids, special, vocab, mask_id, seed_from(rng))[1] for _ in range(2))
    # with 8 x 30+ ordinary tokens two independent selections coincide with probability < 1e-20
    expect(not np.array_equal(first, second),
           "два разных seed дали одинаковый выбор позиций: выбор должен зависеть от rng")


@EXERCISE.check("mlm_mask", points=2,
                title="каждый обычный токен выбирается с вероятностью 0.15 (≈ 80 тыс. токенов, граница Хёфдинга)")
def mlm_selection_rate(student, rng):
    """False reject <= 1e-7: one two-sided Hoeffding test of a mean of Bernoulli(0.15) draws."""
    ids, special, vocab, mask_id = mlm_batch(rng, 200, 512, min_tokens=256)
    inputs, labels = _mlm(student, ids, special, vocab, mask_id, seed_from(rng))
    _expect_mlm_invariants(ids, special, vocab, inputs, labels)
    ordinary = int((~special).sum())
    _expect_fraction(int((labels != IGNORE).sum()), ordinary, 0.15, "доля выбранных среди обычных токенов")


@EXERCISE.check("mlm_mask", points=2,
                title="выбранные: ≈80% → [MASK], ≈10% → случайный токен, ≈10% без изменений; случайные id "
                      "равномерны на [0, vocab_size)")
def mlm_split(student, rng):
    """False reject <= 4e-7: four Hoeffding tests at 1e-7 (conditionally on the chosen set, its cases are i.i.d.).

    With V the vocabulary size, a chosen token becomes [MASK] with probability 0.8 + 0.1/V (a random
    draw may hit mask_id), keeps its id with 0.1 + 0.1/V, and becomes another id otherwise; the mean of
    those other ids, divided by V, is within 2/V of 0.5 (uniform on [0, V) minus two excluded ids).
    """
    ids, special, vocab, mask_id = mlm_batch(rng, 200, 512, min_tokens=256)
    inputs, labels = _mlm(student, ids, special, vocab, mask_id, seed_from(rng))
    _expect_mlm_invariants(ids, special, vocab, inputs, labels)
    chosen = labels != IGNORE
    count = int(chosen.sum())
    masked = chosen & (inputs == mask_id)
    kept = chosen & (inputs == ids)
    other = chosen & ~masked & ~kept
    _expect_fraction(int(masked.sum()), count, 0.8 + 0.1 / vocab, "доля [MASK] среди выбранных")
    _expect_fraction(int(kept.sum()), count, 0.1 + 0.1 / vocab, "доля неизменённых среди выбранных")
    _expect_fraction(int(other.sum()), count, 0.1 * (1 - 2 / vocab), "доля случайных замен среди выбранных")
    replaced = inputs[other] / vocab
    expect(len(replaced) > 0, "среди выбранных нет ни одной случайной замены")
    radius = hoeffding_radius(len(replaced), DELTA) + 2.0 / vocab
    expect(abs(replaced.mean() - 0.5) < radius,
           f"случайные замены: среднее id / vocab_size = {replaced.mean():.4f}, а для равномерного выбора из "
           f"[0, {vocab}) ожидалось 0.5 ± {radius:.4f}")


@EXERCISE.check("mlm_mask", points=2,
                title="число выбранных в последовательности случайно: из 4 обычных токенов ни одного в ≈52% строк")
def mlm_independent_per_token(student, rng):
    """False reject <= 1e-7: a Hoeffding test of the share of rows with no chosen token, expected 0.85^4."""
    ids, special, vocab, mask_id = mlm_batch(rng, 3000, 8, min_tokens=4, max_tokens=4)
    inputs, labels = _mlm(student, ids, special, vocab, mask_id, seed_from(rng))
    _expect_mlm_invariants(ids, special, vocab, inputs, labels)
    empty = int(((labels != IGNORE).sum(axis=1) == 0).sum())
    _expect_fraction(empty, len(ids), 0.85 ** 4, "доля строк без единого выбранного токена")


# -- 28.2 bert_embeddings -------------------------------------------------------------------------


@EXERCISE.check("bert_embeddings", points=3,
                title="совпадает с F.embedding ×3 + F.layer_norm(eps=1e-12) в torch (B от 1 до 3, T ≠ H, P > T; "
                      "допуск 1e-9)")
def embeddings_match_torch(student, rng):
    for shape in ((1, 1, 4, 7, 3, 2), (2, 5, 6, 11, 8, 2), (3, 7, 4, 20, 9, 3)):
        _expect_embeddings(student, embedding_inputs(rng, *shape))


@EXERCISE.check("bert_embeddings", points=1, title="параметр eps стоит под корнем: eps = 0.5 и 1e-3 при малом разбросе")
def embeddings_respect_eps(student, rng):
    for eps in (0.5, 1e-3):
        _expect_embeddings(student, embedding_inputs(rng, 2, 4, 5, 9, 6, 2, scale=0.05), eps)


@EXERCISE.check("bert_embeddings", points=2,
                title="при gamma = 1, beta = 0 у каждого токена среднее 0 и дисперсия (деление на H) 1; "
                      "случайные размеры")
@given(dims=st.tuples(st.integers(1, 3), st.integers(1, 6), st.integers(2, 8), st.integers(1, 9),
                      st.integers(0, 3), st.integers(1, 3)),
       seed=st.integers(0, 2**32 - 1))
def embeddings_are_normalised(student, dims, seed):
    batch, steps, hidden, vocab, extra_positions, type_vocab = dims
    rng = np.random.default_rng(seed)
    ids, types, word, pos, type_, _, _ = embedding_inputs(rng, batch, steps, hidden, vocab, steps + extra_positions,
                                                          type_vocab)
    args = (ids, types, word, pos, type_, np.ones(hidden), np.zeros(hidden))
    out = _expect_embeddings(student, args)
    summed = word[ids] + pos[:steps] + type_[types]
    spread = summed.var(axis=-1)  # population variance; LayerNorm's output has variance spread / (spread + eps)
    expect_array(out.mean(axis=-1), np.zeros((batch, steps)), name="среднее по оси H", rtol=0.0, atol=1e-12)
    expect_array((out ** 2).mean(axis=-1), spread / (spread + 1e-12), name="дисперсия по оси H (деление на H)",
                 rtol=1e-9, atol=0.0)


# -- 28.3 bert_parameter_count ------------------------------------------------------------------------


@EXERCISE.check("bert_parameter_count", points=1,
                title="BERT-base даёт 109 482 240 параметров, BERT-large — 335 141 888")
def count_bert_base_and_large(student, rng):
    expect_int(student.bert_parameter_count(*BERT_BASE), 109_482_240, name="число параметров BERT-base")
    expect_int(student.bert_parameter_count(*BERT_LARGE), torch_bert_count(*BERT_LARGE),
               name="число параметров BERT-large")


@EXERCISE.check("bert_parameter_count", points=3,
                title="совпадает с моделью из nn.Embedding, nn.LayerNorm, nn.TransformerEncoderLayer и nn.Linear "
                      "(случайные конфигурации)")
def count_matches_torch_modules(student, rng):
    for _ in range(4):
        config = bert_config(rng)
        expect_int(student.bert_parameter_count(*config), torch_bert_count(*config),
                   name=f"число параметров при (vocab, hidden, layers, heads, intermediate, max_pos, type_vocab) = "
                        f"{config}")


@EXERCISE.check("bert_parameter_count", points=2,
                title="число параметров не зависит от числа голов и растёт на размер одного слоя энкодера "
                      "с каждым слоем")
@given(seed=st.integers(0, 2**32 - 1), heads=st.sampled_from([1, 2, 3, 4, 6, 12]))
def count_properties(student, seed, heads):
    vocab, _, layers, _, intermediate, max_pos, type_vocab = bert_config(np.random.default_rng(seed))
    hidden = 24
    base = expect_int(student.bert_parameter_count(vocab, hidden, layers, 1, intermediate, max_pos, type_vocab),
                      torch_bert_count(vocab, hidden, layers, 1, intermediate, max_pos, type_vocab),
                      name="число параметров при heads = 1")
    expect_int(student.bert_parameter_count(vocab, hidden, layers, heads, intermediate, max_pos, type_vocab), base,
               name=f"число параметров при heads = {heads} (ожидалось как при heads = 1)")
    one_layer = torch_bert_count(vocab, hidden, 1, heads, intermediate, max_pos, type_vocab) - \
        torch_bert_count(vocab, hidden, 0, heads, intermediate, max_pos, type_vocab)
    expect_int(student.bert_parameter_count(vocab, hidden, layers + 1, heads, intermediate, max_pos, type_vocab),
               base + one_layer, name=f"число параметров при layers = {layers + 1} (на один слой больше)")
