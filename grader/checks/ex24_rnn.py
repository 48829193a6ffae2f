"""Checks of exercise 24: an Elman RNN, BPTT, gradient clipping and gradient decay in NumPy.

Oracles, all in float64 and computed at grade time: ``nn.RNN`` and ``nn.RNNCell`` with
the same weights, autograd through them (gradients and the Jacobians dh_T/dh_t), and
``torch.nn.utils.clip_grad_norm_``. Shapes keep T, B, I and H apart, W_hh is never
symmetric and h0 is never zero, so that a missing transpose or a forgotten initial
state cannot pass by accident (a symmetric W_hh or T = 1 hides the missing transpose).
"""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import expect, expect_array, expect_scalar, expect_tuple
from grader.exercise import Exercise
from grader.strategies import arrays, gaussian

SHAPES = [(3, 2, 5, 4), (5, 1, 3, 6), (4, 3, 2, 2), (6, 2, 4, 1)]  # (T, B, I, H)
GRAD_NAMES = ("dx", "dh0", "dW_ih", "dW_hh", "db_ih", "db_hh")
GRAD_RTOL, GRAD_ATOL = 1e-9, 1e-11


def rnn_inputs(rng, steps, batch, inputs, hidden, scale=0.8):
    """(x, h0, W_ih, W_hh, b_ih, b_hh): distinct entries, h0 nonzero, W_hh not symmetric."""
    return (gaussian(rng, steps, batch, inputs), rng.uniform(-0.9, 0.9, size=(batch, hidden)),
            gaussian(rng, hidden, inputs, scale=scale), gaussian(rng, hidden, hidden, scale=scale / np.sqrt(hidden)),
            gaussian(rng, hidden, scale=0.5), gaussian(rng, hidden, scale=0.5))


def upstream(rng, steps, batch, hidden):
    """(d_output, d_h_n): random upstream gradients."""
    return gaussian(rng, steps, batch, hidden), gaussian(rng, batch, hidden)


def clip_inputs(rng, scale=1.0):
    """A list of gradient arrays of different shapes and a max_norm below their total norm."""
    grads = [gaussian(rng, 3, 4, scale=scale), gaussian(rng, 5, scale=scale), gaussian(rng, 2, 1, 3, scale=scale)]
    total = np.sqrt(sum(np.sum(g**2) for g in grads))
    return grads, float(total * rng.uniform(0.1, 0.6))


EXERCISE = Exercise(
    id="ex24_rnn",
    topic=24,
    framework="numpy",
    part_names=["rnn_forward", "rnn_backward", "clip_grad_norm", "gradient_norms_by_lag"],
    probes={
        "rnn_forward": lambda rng: [rnn_inputs(rng, 4, 2, 3, 5)],
        "rnn_backward": lambda rng: [(*rnn_inputs(rng, 4, 2, 3, 5), *upstream(rng, 4, 2, 5))],
        "clip_grad_norm": lambda rng: [clip_inputs(rng), clip_inputs(rng, scale=1e-4)],
        "gradient_norms_by_lag": lambda rng: [rnn_inputs(rng, 5, 2, 3, 4, scale=1.5)],
    },
)


# -- oracles -----------------------------------------------------------------------------


def _rnn_module(W_ih, W_hh, b_ih, b_hh):
    import torch

    rnn = torch.nn.RNN(W_ih.shape[1], W_hh.shape[0], nonlinearity="tanh", dtype=torch.float64)
    with torch.no_grad():
        for name, array in (("weight_ih_l0", W_ih), ("weight_hh_l0", W_hh), ("bias_ih_l0", b_ih),
                            ("bias_hh_l0", b_hh)):
            getattr(rnn, name).copy_(oracles.tensor(array))
    return rnn


def rnn_sequence(x, h0, W_ih, W_hh, b_ih, b_hh):
    """``nn.RNN`` (tanh, sequence first) with the given weights: (output, h_n[0])."""
    import torch

    with torch.no_grad():
        output, h_n = _rnn_module(W_ih, W_hh, b_ih, b_hh)(oracles.tensor(x), oracles.tensor(h0)[None])
    return output.numpy(), h_n[0].numpy()


def rnn_gradients(x, h0, W_ih, W_hh, b_ih, b_hh, d_output, d_h_n):
    """Autograd through ``nn.RNN``: gradients of sum(output*d_output) + sum(h_n*d_h_n), in argument order."""
    rnn = _rnn_module(W_ih, W_hh, b_ih, b_hh)
    x_, h0_ = oracles.tensor(x, requires_grad=True), oracles.tensor(h0, requires_grad=True)
    output, h_n = rnn(x_, h0_[None])
    ((output * oracles.tensor(d_output)).sum() + (h_n[0] * oracles.tensor(d_h_n)).sum()).backward()
    grads = (x_.grad, h0_.grad, rnn.weight_ih_l0.grad, rnn.weight_hh_l0.grad, rnn.bias_ih_l0.grad,
             rnn.bias_hh_l0.grad)
    return tuple(g.numpy() for g in grads)


def clipped(grads, max_norm):
    """``torch.nn.utils.clip_grad_norm_`` on parameters whose .grad are copies of ``grads``."""
    import torch

    params = [torch.nn.Parameter(torch.zeros(g.shape, dtype=torch.float64)) for g in grads]
    for p, g in zip(params, grads, strict=True):
        p.grad = oracles.tensor(g)
    total = torch.nn.utils.clip_grad_norm_(params, max_norm)
    return float(total), [p.grad.numpy() for p in params]


def lag_norms(x, h0, W_ih, W_hh, b_ih, b_hh):
    """||dh_T/dh_{T-k}||_2 per sample and lag, from Jacobians that autograd builds through ``nn.RNNCell``."""
    import torch

    cell = torch.nn.RNNCell(W_ih.shape[1], W_hh.shape[0], nonlinearity="tanh", dtype=torch.float64)
    with torch.no_grad():
        for name, array in (("weight_ih", W_ih), ("weight_hh", W_hh), ("bias_ih", b_ih), ("bias_hh", b_hh)):
            getattr(cell, name).copy_(oracles.tensor(array))
    states = [oracles.tensor(h0, requires_grad=True)]
    for t in range(x.shape[0]):
        states.append(cell(oracles.tensor(x[t]), states[-1]))
    hidden = h0.shape[1]
    rows = []  # rows[j][t]: d h_T[:, j] / d h_t, shape (B, H); samples are independent, so sum over them
    for j in range(hidden):
        rows.append(torch.autograd.grad(states[-1][:, j].sum(), states, retain_graph=True, allow_unused=True))
    norms = []
    for k in range(len(states)):
        t = len(states) - 1 - k
        grads = [r[t] if r[t] is not None else torch.zeros_like(states[t]) for r in rows]
        jacobian = torch.stack(grads, dim=1)  # (B, H, H): [b, j, :] = d h_T[b, j] / d h_t[b]
        if k == 0:
            jacobian = torch.eye(hidden, dtype=torch.float64).expand_as(jacobian)
        norms.append(torch.linalg.matrix_norm(jacobian, ord=2))
    return torch.stack(norms, dim=1).detach().numpy()


# -- comparisons -------------------------------------------------------------------------


def _expect_sequence(student, args):
    output, h_n = expect_tuple(student.rnn_forward(*args), ("output", "h_n"), name="rnn_forward(...)")
    output_ref, h_ref = rnn_sequence(*args)
    expect_array(output, output_ref, name="output")
    expect_array(h_n, h_ref, name="h_n")


def _expect_gradients(student, args):
    grads = expect_tuple(student.rnn_backward(*args), GRAD_NAMES, name="rnn_backward(...)")
    for name, got, expected in zip(GRAD_NAMES, grads, rnn_gradients(*args), strict=True):
        expect_array(got, expected, name=name, rtol=GRAD_RTOL, atol=GRAD_ATOL)


def _expect_clipped(student, grads, max_norm):
    total, arrays_ = expect_tuple(student.clip_grad_norm(grads, max_norm), ("total", "clipped"),
                                  name="clip_grad_norm(...)")
    total_ref, arrays_ref = clipped(grads, max_norm)
    expect_scalar(total, total_ref, name="total (норма до отсечения)")
    arrays_ = expect_tuple(arrays_, tuple(f"clipped[{i}]" for i in range(len(grads))), name="clipped")
    for i, (got, expected) in enumerate(zip(arrays_, arrays_ref, strict=True)):
        expect_array(got, expected, name=f"clipped[{i}]", rtol=1e-12, atol=1e-300)


def _expect_lag_norms(student, args, expected=None):
    norms = student.gradient_norms_by_lag(*args)
    expected = lag_norms(*args) if expected is None else expected
    expect_array(norms, expected, name="norms", rtol=1e-8, atol=1e-300)


# -- 24.1 rnn_forward --------------------------------------------------------------------


@EXERCISE.check("rnn_forward", points=3, title="совпадает с nn.RNN(nonlinearity='tanh') с теми же весами (I ≠ H)")
def forward_matches_torch(student, rng):
    for shape in SHAPES:
        _expect_sequence(student, rnn_inputs(rng, *shape))


@EXERCISE.check("rnn_forward", points=1, title="особые случаи: один шаг (T = 1), батч из одного примера, H = 1")
def forward_edge_cases(student, rng):
    _expect_sequence(student, rnn_inputs(rng, 1, 3, 4, 2))
    _expect_sequence(student, rnn_inputs(rng, 5, 1, 2, 3))
    _expect_sequence(student, rnn_inputs(rng, 4, 2, 3, 1))


@EXERCISE.check("rnn_forward", points=1, title="длинная последовательность (T = 60) и насыщение tanh (веса ×10)")
def forward_long_and_saturated(student, rng):
    _expect_sequence(student, rnn_inputs(rng, 60, 2, 3, 4))
    _expect_sequence(student, rnn_inputs(rng, 6, 2, 3, 4, scale=10.0))


# -- 24.2 rnn_backward -------------------------------------------------------------------


@EXERCISE.check("rnn_backward", points=3,
                title="все шесть градиентов совпадают с autograd через nn.RNN (T от 3 до 6, h0 ≠ 0)")
def backward_matches_autograd(student, rng):
    for steps, batch, inputs, hidden in SHAPES:
        _expect_gradients(student, (*rnn_inputs(rng, steps, batch, inputs, hidden),
                                    *upstream(rng, steps, batch, hidden)))


@EXERCISE.check("rnn_backward", points=1,
                title="градиент только от h_n («многие к одному») и только от output")
def backward_each_upstream(student, rng):
    args = rnn_inputs(rng, 5, 3, 2, 4)
    d_output, d_h_n = upstream(rng, 5, 3, 4)
    _expect_gradients(student, (*args, np.zeros_like(d_output), d_h_n))
    _expect_gradients(student, (*args, d_output, np.zeros_like(d_h_n)))


@EXERCISE.check("rnn_backward", points=1, title="особые случаи: T = 1, батч из одного примера, длинная T = 40")
def backward_edge_cases(student, rng):
    _expect_gradients(student, (*rnn_inputs(rng, 1, 2, 3, 4), *upstream(rng, 1, 2, 4)))
    _expect_gradients(student, (*rnn_inputs(rng, 4, 1, 2, 3), *upstream(rng, 4, 1, 3)))
    _expect_gradients(student, (*rnn_inputs(rng, 40, 2, 3, 4), *upstream(rng, 40, 2, 4)))


# -- 24.3 clip_grad_norm -----------------------------------------------------------------

GRAD_LISTS = st.lists(arrays(st.sampled_from([(3,), (2, 3), (4, 1), (1,), (2, 2, 2)]), bound=5.0),
                      min_size=1, max_size=4)


@EXERCISE.check("clip_grad_norm", points=2,
                title="совпадает с torch.nn.utils.clip_grad_norm_ (норма до отсечения и массивы, допуск 1e-12)")
@given(grads=GRAD_LISTS, max_norm=st.floats(0.05, 20.0))
def clip_matches_torch(student, grads, max_norm):
    _expect_clipped(student, grads, max_norm)


@EXERCISE.check("clip_grad_norm", points=1,
                title="одна общая норма: после отсечения она равна max_norm, направление сохранено")
def clip_is_global(student, rng):
    grads, max_norm = clip_inputs(rng)
    _expect_clipped(student, grads, max_norm)
    _, arrays_ = student.clip_grad_norm(grads, max_norm)
    new_total = np.sqrt(sum(np.sum(np.asarray(g) ** 2) for g in arrays_))
    expect(abs(new_total - max_norm) <= 1e-6 * max_norm,
           f"общая норма после отсечения {new_total:.10g}, а должна быть max_norm = {max_norm:.10g}")
    _expect_clipped(student, [g * 1e-3 for g in grads], max_norm)  # below the threshold: unchanged


@EXERCISE.check("clip_grad_norm", points=1,
                title="малые нормы (порядка 1e-5): коэффициент max_norm / (total + 1e-6); нулевой градиент")
def clip_small_norms(student, rng):
    grads, max_norm = clip_inputs(rng, scale=1e-5)
    _expect_clipped(student, grads, max_norm)
    _expect_clipped(student, [np.zeros((2, 3)), np.zeros(4)], 1.0)


# -- 24.4 gradient_norms_by_lag ----------------------------------------------------------


@EXERCISE.check("gradient_norms_by_lag", points=2,
                title="совпадает с нормами якобианов dh_T/dh_{T−k}, построенных autograd (допуск 1e-8)")
def lag_norms_match_autograd(student, rng):
    for steps, batch, inputs, hidden in [(4, 2, 3, 5), (6, 1, 2, 3), (1, 3, 2, 4)]:
        _expect_lag_norms(student, rnn_inputs(rng, steps, batch, inputs, hidden, scale=1.5))


@EXERCISE.check("gradient_norms_by_lag", points=1,
                title="в нулевой точке покоя (x = 0, h0 = 0, смещения 0) нормы равны ||W_hh^k||₂")
def lag_norms_at_rest(student, rng):
    steps, batch, inputs, hidden = 12, 2, 3, 4
    W_hh = gaussian(rng, hidden, hidden)
    W_hh *= rng.uniform(1.1, 1.4) / np.max(np.abs(np.linalg.eigvals(W_hh)))  # spectral radius > 1: growth
    args = (np.zeros((steps, batch, inputs)), np.zeros((batch, hidden)), gaussian(rng, hidden, inputs), W_hh,
            np.zeros(hidden), np.zeros(hidden))
    powers = [np.linalg.norm(np.linalg.matrix_power(W_hh, k), 2) for k in range(steps + 1)]
    _expect_lag_norms(student, args, expected=np.tile(powers, (batch, 1)))


@EXERCISE.check("gradient_norms_by_lag", points=1,
                title="длинная последовательность (T = 40): нормы затухают на много порядков и остаются точными")
def lag_norms_long(student, rng):
    _expect_lag_norms(student, rnn_inputs(rng, 40, 2, 3, 4, scale=0.8))
