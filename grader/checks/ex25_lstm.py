"""Checks of exercise 25: an LSTM cell, a sequence and the cell's backward pass in NumPy.

Oracles: ``nn.LSTMCell`` and ``nn.LSTM`` with the same weights, and autograd through
``nn.LSTMCell``, all in float64. Shapes keep I, H and 4H apart, so that a transposed or
misplaced weight cannot pass by accident.
"""

import numpy as np

from grader import oracles
from grader.compare import expect_array, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian

SHAPES = [(1, 1, 1), (3, 5, 4), (2, 7, 3), (4, 3, 6)]  # (B, I, H)
STATE_NAMES = ("h", "c")
GRAD_NAMES = ("dx", "dh_prev", "dc_prev", "dW_ih", "dW_hh", "db_ih", "db_hh")


def cell_inputs(rng, batch, inputs, hidden, scale=1.0):
    """(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh) with every entry distinct."""
    return (gaussian(rng, batch, inputs, scale=scale), gaussian(rng, batch, hidden), gaussian(rng, batch, hidden),
            gaussian(rng, 4 * hidden, inputs, scale=scale), gaussian(rng, 4 * hidden, hidden, scale=scale),
            gaussian(rng, 4 * hidden), gaussian(rng, 4 * hidden))


def sequence_inputs(rng, steps, batch, inputs, hidden, scale=1.0):
    """(x, h0, c0, W_ih, W_hh, b_ih, b_hh) with x of shape (T, B, I)."""
    _, h0, c0, *weights = cell_inputs(rng, batch, inputs, hidden, scale)
    return (gaussian(rng, steps, batch, inputs), h0, c0, *weights)


EXERCISE = Exercise(
    id="ex25_lstm",
    topic=25,
    framework="numpy",
    part_names=["lstm_cell", "lstm_forward", "lstm_cell_backward"],
    probes={
        "lstm_cell": lambda rng: [cell_inputs(rng, 2, 3, 4)],
        "lstm_forward": lambda rng: [sequence_inputs(rng, 4, 2, 3, 2)],
        "lstm_cell_backward": lambda rng: [(*cell_inputs(rng, 2, 3, 4), gaussian(rng, 2, 4), gaussian(rng, 2, 4))],
    },
)


def _expect_cell(student, args):
    h, c = expect_tuple(student.lstm_cell(*args), STATE_NAMES, name="lstm_cell(...)")
    h_ref, c_ref = oracles.lstm_cell(*args)
    expect_array(h, h_ref, name="h")
    expect_array(c, c_ref, name="c")


def _expect_sequence(student, args):
    output, final = expect_tuple(student.lstm_forward(*args), ("output", "(h_n, c_n)"), name="lstm_forward(...)")
    h_n, c_n = expect_tuple(final, ("h_n", "c_n"), name="второй элемент результата")
    output_ref, h_ref, c_ref = oracles.lstm_sequence(*args)
    expect_array(output, output_ref, name="output")
    expect_array(h_n, h_ref, name="h_n")
    expect_array(c_n, c_ref, name="c_n")


def _expect_gradients(student, args):
    grads = expect_tuple(student.lstm_cell_backward(*args), GRAD_NAMES, name="lstm_cell_backward(...)")
    for name, got, expected in zip(GRAD_NAMES, grads, oracles.lstm_cell_gradients(*args), strict=True):
        expect_array(got, expected, name=name, rtol=1e-9, atol=1e-11)


# -- 25.1 lstm_cell ----------------------------------------------------------------------


@EXERCISE.check("lstm_cell", points=3, title="совпадает с nn.LSTMCell с теми же весами (I ≠ H, B от 1 до 4)")
def cell_matches_torch(student, rng):
    for shape in SHAPES:
        _expect_cell(student, cell_inputs(rng, *shape))


@EXERCISE.check("lstm_cell", points=1, title="конечна и точна при насыщенных вентилях (веса ×20, входы ×10)")
def cell_is_stable(student, rng):
    x, h, c, W_ih, W_hh, b_ih, b_hh = cell_inputs(rng, 3, 4, 2, scale=20.0)
    _expect_cell(student, (10 * x, h, c, W_ih, W_hh, b_ih, b_hh))


@EXERCISE.check("lstm_cell", points=1,
                title="смысл вентилей: f ≈ 1, i ≈ 0 сохраняют c; o ≈ 0 обнуляет h (блоки i, f, g, o)")
def cell_gates_in_torch_order(student, rng):
    x, h, c, W_ih, W_hh, b_ih, b_hh = cell_inputs(rng, 2, 3, 4, scale=0.1)
    hidden = 4
    b_ih = np.concatenate([np.full(hidden, -30.0), np.full(hidden, 30.0), np.zeros(hidden), np.full(hidden, -30.0)])
    _expect_cell(student, (x, h, c, W_ih, W_hh, b_ih, b_hh))


# -- 25.2 lstm_forward -------------------------------------------------------------------


@EXERCISE.check("lstm_forward", points=3, title="совпадает с однослойной nn.LSTM на последовательностях T = 2…7")
def sequence_matches_torch(student, rng):
    for steps, (batch, inputs, hidden) in zip((2, 5, 7, 3), SHAPES, strict=True):
        _expect_sequence(student, sequence_inputs(rng, steps, batch, inputs, hidden))


@EXERCISE.check("lstm_forward", points=1, title="последовательность из одного шага (T = 1)")
def sequence_of_one_step(student, rng):
    _expect_sequence(student, sequence_inputs(rng, 1, 3, 2, 5))


@EXERCISE.check("lstm_forward", points=1, title="длинная последовательность (T = 60) остаётся точной")
def long_sequence(student, rng):
    _expect_sequence(student, sequence_inputs(rng, 60, 2, 3, 4))


# -- 25.3 lstm_cell_backward -------------------------------------------------------------


@EXERCISE.check("lstm_cell_backward", points=3,
                title="все семь градиентов совпадают с autograd через nn.LSTMCell")
def gradients_match_autograd(student, rng):
    for batch, inputs, hidden in SHAPES:
        args = cell_inputs(rng, batch, inputs, hidden)
        _expect_gradients(student, (*args, gaussian(rng, batch, hidden), gaussian(rng, batch, hidden)))


@EXERCISE.check("lstm_cell_backward", points=1,
                title="градиент только через h (dc = 0) и только через c (dh = 0)")
def gradients_through_each_output(student, rng):
    args = cell_inputs(rng, 3, 2, 5)
    upstream = gaussian(rng, 3, 5)
    _expect_gradients(student, (*args, upstream, np.zeros((3, 5))))
    _expect_gradients(student, (*args, np.zeros((3, 5)), upstream))


@EXERCISE.check("lstm_cell_backward", points=1, title="градиенты при насыщенных вентилях (веса ×5) конечны и точны")
def gradients_when_saturated(student, rng):
    args = cell_inputs(rng, 2, 4, 3, scale=5.0)
    _expect_gradients(student, (*args, gaussian(rng, 2, 3), gaussian(rng, 2, 3)))
