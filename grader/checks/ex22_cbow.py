"""Checks of exercise 22: the CBOW forward pass and its gradients in NumPy.

Oracle: the same model composed from torch pieces in float64 (``F.embedding`` of the
context, ``.mean(1)``, ``@ W_out.T``, ``F.log_softmax``), and autograd through
``F.cross_entropy`` for the gradients. Shapes keep V, d, C and B apart; contexts repeat
ids on purpose, because that is where hand-written gradients usually break.
"""

import numpy as np

from grader import oracles
from grader.compare import expect_array, expect_scalar, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian

GRAD_NAMES = ("loss", "dW_in", "dW_out")


def model_inputs(rng, batch, width, vocab, dim, scale=1.0, used=None):
    """(context_ids (B, C) int64, target_ids (B,) int64, W_in (V, d), W_out (V, d)).

    Ids come from the first ``used`` words only, so some rows of dW_in must stay zero.
    """
    used = used or vocab
    context = rng.integers(0, used, size=(batch, width))
    targets = rng.integers(0, vocab, size=batch)
    return context, targets, gaussian(rng, vocab, dim, scale=scale), gaussian(rng, vocab, dim, scale=scale)


def cbow_oracle(context, targets, W_in, W_out):
    """log-probs (B, V), mean NLL and its gradients by W_in and W_out, all from torch autograd."""
    import torch.nn.functional as F

    w_in, w_out = oracles.tensor(W_in, requires_grad=True), oracles.tensor(W_out, requires_grad=True)
    h = F.embedding(oracles.tensor(context).long(), w_in).mean(dim=1)
    scores = h @ w_out.T
    loss = F.cross_entropy(scores, oracles.tensor(targets).long())
    loss.backward()
    return F.log_softmax(scores, dim=-1).detach().numpy(), float(loss), w_in.grad.numpy(), w_out.grad.numpy()


def _expect_log_probs(student, context, W_in, W_out, name="cbow_log_probs(...)"):
    expected = cbow_oracle(context, np.zeros(len(context), dtype=np.int64), W_in, W_out)[0]
    return expect_array(student.cbow_log_probs(context, W_in, W_out), expected, name=name,
                        rtol=1e-10, atol=1e-10)


def _expect_grads(student, context, targets, W_in, W_out):
    _, loss, d_in, d_out = cbow_oracle(context, targets, W_in, W_out)
    got = expect_tuple(student.cbow_loss_and_grads(context, targets, W_in, W_out), GRAD_NAMES,
                       name="cbow_loss_and_grads(...)")
    expect_scalar(got[0], loss, name="loss", rtol=1e-10, atol=1e-12)
    expect_array(got[1], d_in, name="dW_in", rtol=1e-9, atol=1e-12)
    expect_array(got[2], d_out, name="dW_out", rtol=1e-9, atol=1e-12)
    return got


def _repeats(rng, vocab):
    """A batch whose contexts repeat ids inside one context and across examples."""
    a, b, c, d = (int(i) for i in rng.choice(vocab - 1, size=4, replace=False))
    return np.array([[a, a, b, a], [c, b, b, d], [a, d, c, c]])


def _probes_log_probs(rng):
    context, _, W_in, W_out = model_inputs(rng, 3, 4, 7, 3)
    big = model_inputs(rng, 2, 2, 5, 4, scale=30.0)
    return [(context, W_in, W_out), (big[0], big[2], big[3])]


def _probes_grads(rng):
    _, _, W_in, W_out = model_inputs(rng, 3, 4, 8, 3)
    return [(_repeats(rng, 8), rng.integers(0, 8, size=3), W_in, W_out)]


EXERCISE = Exercise(
    id="ex22_cbow",
    topic=22,
    framework="numpy",
    part_names=["cbow_log_probs", "cbow_loss_and_grads"],
    probes={"cbow_log_probs": _probes_log_probs, "cbow_loss_and_grads": _probes_grads},
)

SHAPES = [(1, 2, 5, 3), (4, 4, 7, 3), (3, 6, 6, 8), (5, 2, 9, 2)]  # (B, C, V, d)


# -- 22.1 cbow_log_probs -----------------------------------------------------------------


@EXERCISE.check("cbow_log_probs", points=3,
                title="совпадает с F.log_softmax(F.embedding(ctx, W_in).mean(1) @ W_outᵀ): B = 1, V ≠ d, C = 2…6")
def log_probs_match_torch(student, rng):
    for batch, width, vocab, dim in SHAPES:
        context, _, W_in, W_out = model_inputs(rng, batch, width, vocab, dim)
        _expect_log_probs(student, context, W_in, W_out, name=f"log p (B={batch}, C={width}, V={vocab}, d={dim})")


@EXERCISE.check("cbow_log_probs", points=2, title="конечна и точна при оценках порядка 1e3 (устойчивый log-softmax)")
def log_probs_are_stable(student, rng):
    context, _, W_in, W_out = model_inputs(rng, 3, 4, 6, 4, scale=30.0)
    _expect_log_probs(student, context, W_in, W_out, name="log p при больших весах")


@EXERCISE.check("cbow_log_probs", points=1,
                title="exp строк суммируется в 1, порядок слов контекста не важен, строка батча = отдельный пример")
def log_probs_invariants(student, rng):
    context, _, W_in, W_out = model_inputs(rng, 4, 4, 7, 5)
    full = _expect_log_probs(student, context, W_in, W_out)
    expect_array(np.exp(full).sum(axis=1), np.ones(4), name="сумма вероятностей по словарю", rtol=1e-12,
                 atol=1e-12)
    shuffled = context[:, rng.permutation(4)]
    expect_array(student.cbow_log_probs(shuffled, W_in, W_out), full, name="log p с переставленным контекстом",
                 rtol=1e-12, atol=1e-12)
    row = int(rng.integers(4))
    expect_array(student.cbow_log_probs(context[row:row + 1], W_in, W_out), full[row:row + 1],
                 name=f"log p примера {row}, посчитанного отдельно", rtol=1e-12, atol=1e-12)


# -- 22.2 cbow_loss_and_grads ------------------------------------------------------------


@EXERCISE.check("cbow_loss_and_grads", points=2,
                title="потеря совпадает с F.cross_entropy, dW_in и dW_out — с autograd (B > 1, V ≠ d)")
def grads_match_autograd(student, rng):
    for batch, width, vocab, dim in SHAPES[1:]:
        _expect_grads(student, *model_inputs(rng, batch, width, vocab, dim, used=vocab - 2))


@EXERCISE.check("cbow_loss_and_grads", points=2,
                title="повторы слов в одном контексте и между примерами: вклады в dW_in складываются, как в autograd")
def grads_with_repeated_ids(student, rng):
    _, targets, W_in, W_out = model_inputs(rng, 3, 4, 8, 3)
    _expect_grads(student, _repeats(rng, 8), targets, W_in, W_out)
    word = int(rng.integers(8))
    _expect_grads(student, np.full((1, 4), word), targets[:1], W_in, W_out)  # one word four times


@EXERCISE.check("cbow_loss_and_grads", points=1,
                title="батч из одного примера; повторённый дважды батч даёт ту же потерю и те же градиенты")
def grads_of_the_mean(student, rng):
    context, targets, W_in, W_out = model_inputs(rng, 3, 2, 6, 4)
    _expect_grads(student, context[:1], targets[:1], W_in, W_out)
    once = _expect_grads(student, context, targets, W_in, W_out)
    twice = expect_tuple(student.cbow_loss_and_grads(np.concatenate([context, context]),
                                                     np.concatenate([targets, targets]), W_in, W_out),
                         GRAD_NAMES, name="cbow_loss_and_grads(повторённый батч)")
    expect_scalar(twice[0], once[0], name="loss повторённого батча", rtol=1e-12, atol=1e-12)
    expect_array(twice[1], once[1], name="dW_in повторённого батча", rtol=1e-10, atol=1e-14)
    expect_array(twice[2], once[2], name="dW_out повторённого батча", rtol=1e-10, atol=1e-14)
