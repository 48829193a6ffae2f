"""Checks of exercise 41: a GRU cell, nn.LSTM from its state_dict, parameter counts, padded batches.

Oracles, all computed here at grade time in float64 on the CPU: ``nn.GRUCell`` with the
same weights copied in; ``nn.LSTM`` loaded with the same ``state_dict`` (any number of
layers, one or two directions); the parameter count of a real ``nn.LSTM`` built on the
meta device (no memory); and ``h_n`` of an LSTM run over a packed batch
(``pack_padded_sequence(..., enforce_sorted=False)``) for the last valid output; for the
forecasting lab, plain NumPy indexing on the airline-passenger series shipped in
``exercises/data/`` and ``np.linalg.lstsq`` for the least-squares cubic. Shapes keep
I, H, 3H and 4H apart and the lengths of a padded batch unsorted, so that a misplaced block
or index cannot pass by accident.
"""

from functools import cache

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader.compare import expect, expect_int, expect_tensor, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.wire import AsTensor

SHAPES = [(1, 1, 1), (3, 5, 4), (2, 7, 3), (4, 3, 6)]  # (B, I, H)
PARAMETER_NAMES = ("weight_ih", "weight_hh", "bias_ih", "bias_hh")


# -- inputs ------------------------------------------------------------------------------


def gru_inputs(rng, batch, inputs, hidden, scale=1.0):
    """(x, h, W_ih, W_hh, b_ih, b_hh) as arrays, every entry distinct."""
    return (gaussian(rng, batch, inputs), gaussian(rng, batch, hidden),
            gaussian(rng, 3 * hidden, inputs, scale=scale), gaussian(rng, 3 * hidden, hidden, scale=scale),
            gaussian(rng, 3 * hidden), gaussian(rng, 3 * hidden))


def lstm_state_dict(rng, inputs, hidden, num_layers, bidirectional, scale=0.6):
    """nn.LSTM's parameters under torch's names, as arrays."""
    directions = ("", "_reverse") if bidirectional else ("",)
    state = {}
    for layer in range(num_layers):
        size = inputs if layer == 0 else len(directions) * hidden
        for suffix in directions:
            key = f"_l{layer}{suffix}"
            state["weight_ih" + key] = gaussian(rng, 4 * hidden, size, scale=scale)
            state["weight_hh" + key] = gaussian(rng, 4 * hidden, hidden, scale=scale)
            state["bias_ih" + key] = gaussian(rng, 4 * hidden, scale=scale)
            state["bias_hh" + key] = gaussian(rng, 4 * hidden, scale=scale)
    return state


def lstm_case(rng, steps, batch, inputs, hidden, num_layers, bidirectional, initial=True):
    """(x, state_dict, num_layers, bidirectional[, h0, c0]) as arrays."""
    D = 2 if bidirectional else 1
    case = (gaussian(rng, steps, batch, inputs), lstm_state_dict(rng, inputs, hidden, num_layers, bidirectional),
            num_layers, bidirectional)
    if initial:
        case += (gaussian(rng, num_layers * D, batch, hidden), gaussian(rng, num_layers * D, batch, hidden))
    return case


def padded_case(rng, steps, batch, features):
    """(output, lengths): a (T, B, F) array, zero after each length; lengths unsorted, one of them T."""
    lengths = rng.integers(1, steps + 1, size=batch)
    lengths[rng.integers(batch)] = steps
    output = gaussian(rng, steps, batch, features)
    output[np.arange(steps)[:, None] >= lengths[None, :]] = 0.0
    return output, lengths.astype(np.int64)


def _wire(value):
    """Arrays become tensors on the grading device (dicts and tuples are walked)."""
    if isinstance(value, np.ndarray):
        return AsTensor(value)
    if isinstance(value, dict):
        return {k: _wire(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_wire(v) for v in value)
    return value


EXERCISE = Exercise(
    id="ex41_gru_lstm",
    topic=41,
    framework="torch",
    part_names=["gru_cell", "lstm_forward", "lstm_parameter_count", "last_valid_output", "make_windows",
                "scale_by_train", "fit_cubic"],
    forbidden_modules=(),
    forbidden_names=("GRU", "GRUCell", "LSTM", "LSTMCell", "RNNBase", "gru", "lstm", "gru_cell", "lstm_cell",
                     "_VF"),
    probes={
        "gru_cell": lambda rng: [_wire(gru_inputs(rng, 2, 3, 4))],
        "lstm_forward": lambda rng: [_wire(lstm_case(rng, 4, 2, 3, 2, 2, True))],
        "lstm_parameter_count": lambda rng: [(5, 3, 2, True, 0), (4, 6, 3, True, 0)],
        "last_valid_output": lambda rng: [_wire(padded_case(rng, 5, 4, 3))],
        "make_windows": lambda rng: [(AsTensor(gaussian(rng, 9)), 3)],
        "scale_by_train": lambda rng: [(AsTensor(np.linspace(0.0, 2.0, 9) + gaussian(rng, 9, scale=0.1)), 5)],
        "fit_cubic": lambda rng: [(AsTensor(np.linspace(-np.pi, np.pi, 50)), 0.7, -1.3)],
    },
)


# -- oracles -----------------------------------------------------------------------------


def gru_oracle(x, h, W_ih, W_hh, b_ih, b_hh):
    """``nn.GRUCell`` with the given weights copied in."""
    import torch

    cell = torch.nn.GRUCell(W_ih.shape[1], W_hh.shape[1], dtype=torch.float64)
    with torch.no_grad():
        for name, array in zip(PARAMETER_NAMES, (W_ih, W_hh, b_ih, b_hh), strict=True):
            getattr(cell, name).copy_(torch.from_numpy(np.array(array)))
        return cell(torch.from_numpy(np.array(x)), torch.from_numpy(np.array(h))).numpy()


def lstm_oracle(x, state_dict, num_layers, bidirectional, h0=None, c0=None):
    """``nn.LSTM`` (sequence first) loaded with ``state_dict``: (output, h_n, c_n)."""
    import torch

    hidden = state_dict["weight_hh_l0"].shape[1]
    lstm = torch.nn.LSTM(x.shape[2], hidden, num_layers, bidirectional=bidirectional, dtype=torch.float64)
    lstm.load_state_dict({k: torch.from_numpy(np.array(v)) for k, v in state_dict.items()})
    state = None if h0 is None else (torch.from_numpy(np.array(h0)), torch.from_numpy(np.array(c0)))
    with torch.no_grad():
        output, (h_n, c_n) = lstm(torch.from_numpy(np.array(x)), state)
    return output.numpy(), h_n.numpy(), c_n.numpy()


def count_oracle(input_size, hidden_size, num_layers=1, bidirectional=False, proj_size=0):
    """The number of parameters of a real ``nn.LSTM`` built on the meta device."""
    import torch

    lstm = torch.nn.LSTM(input_size, hidden_size, num_layers, bidirectional=bidirectional, proj_size=proj_size,
                         device="meta")
    return sum(p.numel() for p in lstm.parameters())


def packed_last_outputs(rng, steps, batch, inputs, hidden):
    """(padded output (T, B, H), lengths, h_n[-1]) of a random LSTM run over a packed, unsorted batch."""
    import torch
    from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

    lengths = rng.integers(1, steps + 1, size=batch)
    lengths[rng.integers(batch)] = steps
    lstm = torch.nn.LSTM(inputs, hidden, dtype=torch.float64)
    lstm.load_state_dict({k: torch.from_numpy(v) for k, v in lstm_state_dict(rng, inputs, hidden, 1, False).items()})
    x = torch.from_numpy(gaussian(rng, steps, batch, inputs))
    with torch.no_grad():
        packed = pack_padded_sequence(x, torch.from_numpy(lengths), enforce_sorted=False)
        out_packed, (h_n, _) = lstm(packed)
        output, _ = pad_packed_sequence(out_packed, total_length=steps)
    return output.numpy(), lengths.astype(np.int64), h_n[-1].numpy()


# -- 41.1 gru_cell -----------------------------------------------------------------------


def _expect_gru(student, args):
    expect_tensor(student.gru_cell(*_wire(args)), gru_oracle(*args), device=student.device, name="gru_cell(...)")


@EXERCISE.check("gru_cell", points=3, title="совпадает с nn.GRUCell с теми же весами (I ≠ H, B от 1 до 4)")
def gru_matches_torch(student, rng):
    for shape in SHAPES:
        _expect_gru(student, gru_inputs(rng, *shape))


@EXERCISE.check("gru_cell", points=1,
                title="смысл вентилей (блоки r, z, n): z ≈ 1 сохраняет h; z ≈ 0 и r ≈ 0 дают tanh(W_in x + b_in)")
def gru_gates_in_torch_order(student, rng):
    hidden = 3
    x, h, W_ih, W_hh, b_ih, b_hh = gru_inputs(rng, 2, 4, hidden)
    keep = np.concatenate([np.zeros(hidden), np.full(hidden, 30.0), gaussian(rng, hidden)])
    _expect_gru(student, (x, h, W_ih, W_hh, keep, b_hh))
    forget = np.concatenate([np.full(hidden, -30.0), np.full(hidden, -30.0), gaussian(rng, hidden)])
    _expect_gru(student, (x, h, W_ih, W_hh, forget, b_hh))


@EXERCISE.check("gru_cell", points=1, title="случайные формы и масштабы весов до ×20 (насыщение): точно и конечно",
                examples=8)
@given(batch=st.integers(1, 4), inputs=st.integers(1, 6), hidden=st.integers(1, 6),
       scale=st.sampled_from([0.1, 1.0, 20.0]), seed=st.integers(0, 2**32 - 1))
@example(batch=1, inputs=1, hidden=1, scale=20.0, seed=0)
def gru_random_shapes(student, batch, inputs, hidden, scale, seed):
    _expect_gru(student, gru_inputs(np.random.default_rng(seed), batch, inputs, hidden, scale))


# -- 41.2 lstm_forward -------------------------------------------------------------------


def _expect_lstm(student, case):
    num_layers, bidirectional = case[2], case[3]
    config = f"num_layers={num_layers}, bidirectional={bidirectional}, x {case[0].shape}" + \
        ("" if len(case) > 4 else ", h0=c0=None")
    output, final = expect_tuple(student.lstm_forward(*_wire(case)), ("output", "(h_n, c_n)"),
                                 name=f"lstm_forward({config})")
    h_n, c_n = expect_tuple(final, ("h_n", "c_n"), name="второй элемент результата")
    output_ref, h_ref, c_ref = lstm_oracle(*case)
    expect_tensor(output, output_ref, device=student.device, name=f"output ({config})")
    expect_tensor(h_n, h_ref, device=student.device, name=f"h_n ({config})")
    expect_tensor(c_n, c_ref, device=student.device, name=f"c_n ({config})")


@EXERCISE.check("lstm_forward", points=2,
                title="один слой, одно направление: совпадает с nn.LSTM (T = 1…6, h0/c0 заданы и None)")
def one_layer_matches_torch(student, rng):
    for steps, (batch, inputs, hidden) in zip((1, 4, 6, 3), SHAPES, strict=True):
        _expect_lstm(student, lstm_case(rng, steps, batch, inputs, hidden, 1, False))
    _expect_lstm(student, lstm_case(rng, 5, 2, 3, 4, 1, False, initial=False))


@EXERCISE.check("lstm_forward", points=2,
                title="2 и 3 слоя, одно направление: слой k читает выходы слоя k − 1; h_n/c_n всех слоёв")
def stacked_matches_torch(student, rng):
    _expect_lstm(student, lstm_case(rng, 5, 3, 4, 3, 2, False))
    _expect_lstm(student, lstm_case(rng, 4, 1, 2, 5, 3, False))
    _expect_lstm(student, lstm_case(rng, 3, 2, 3, 2, 2, False, initial=False))


@EXERCISE.check("lstm_forward", points=2,
                title="двунаправленная, 1 слой: output = [прямое, обратное] по признакам, обратное — на своих шагах")
def bidirectional_matches_torch(student, rng):
    _expect_lstm(student, lstm_case(rng, 5, 2, 3, 4, 1, True))
    _expect_lstm(student, lstm_case(rng, 6, 1, 4, 2, 1, True, initial=False))


@EXERCISE.check("lstm_forward", points=2,
                title="двунаправленная, 2–3 слоя: вход слоя — 2H признаков, порядок h_n/c_n: слой, затем направление")
def deep_bidirectional_matches_torch(student, rng):
    _expect_lstm(student, lstm_case(rng, 4, 3, 5, 3, 2, True))
    _expect_lstm(student, lstm_case(rng, 3, 2, 2, 2, 3, True))
    _expect_lstm(student, lstm_case(rng, 1, 1, 3, 4, 2, True))


# -- 41.3 lstm_parameter_count -----------------------------------------------------------


def _expect_count(student, *args):
    expect_int(student.lstm_parameter_count(*args), count_oracle(*args),
               name=f"lstm_parameter_count{args}")


@EXERCISE.check("lstm_parameter_count", points=2,
                title="один и несколько слоёв, одно направление: nn.LSTM(10, 20) и случайные размеры")
def count_unidirectional(student, rng):
    _expect_count(student, 10, 20)
    for _ in range(3):
        inputs, hidden = (int(v) for v in rng.integers(1, 200, size=2))
        _expect_count(student, inputs, hidden, int(rng.integers(1, 5)))
    _expect_count(student, 1, 1, 1)


@EXERCISE.check("lstm_parameter_count", points=1, title="двунаправленные сети: совпадает с sum(p.numel()) у nn.LSTM",
                examples=8)
@given(inputs=st.integers(1, 300), hidden=st.integers(1, 300), num_layers=st.integers(1, 5))
@example(inputs=10, hidden=20, num_layers=2)
def count_bidirectional(student, inputs, hidden, num_layers):
    _expect_count(student, inputs, hidden, num_layers, True)


@EXERCISE.check("lstm_parameter_count", points=1, title="proj_size > 0: weight_hr (P, H), weight_hh (4H, P), вход D·P")
def count_projection(student, rng):
    for bidirectional in (False, True):
        hidden = int(rng.integers(3, 60))
        _expect_count(student, int(rng.integers(1, 50)), hidden, int(rng.integers(1, 4)), bidirectional,
                      int(rng.integers(1, hidden)))


# -- 41.4 last_valid_output --------------------------------------------------------------


def _expect_last(student, output, lengths, expected, exact=True):
    tolerance = {"rtol": 0.0, "atol": 0.0} if exact else {"rtol": 1e-10, "atol": 1e-12}
    expect_tensor(student.last_valid_output(AsTensor(output), AsTensor(lengths)), expected,
                  device=student.device, name=f"last_valid_output(output {output.shape}, lengths={lengths.tolist()})",
                  **tolerance)


@EXERCISE.check("last_valid_output", points=2,
                title="равно h_n[-1] LSTM на упакованном батче (pack_padded_sequence, enforce_sorted=False)")
def last_matches_packed_lstm(student, rng):
    for steps, batch, inputs, hidden in ((6, 4, 3, 5), (5, 3, 2, 2), (7, 5, 1, 3)):
        output, lengths, expected = packed_last_outputs(rng, steps, batch, inputs, hidden)
        _expect_last(student, output, lengths, expected, exact=False)


@EXERCISE.check("last_valid_output", points=1,
                title="случайные дополненные батчи: строка b равна output[lengths[b] − 1, b] точно", examples=8)
@given(steps=st.integers(1, 8), batch=st.integers(1, 6), features=st.integers(1, 4), seed=st.integers(0, 2**32 - 1))
def last_random_batches(student, steps, batch, features, seed):
    output, lengths = padded_case(np.random.default_rng(seed), steps, batch, features)
    _expect_last(student, output, lengths, output[lengths - 1, np.arange(batch)])


@EXERCISE.check("last_valid_output", points=1, title="крайние случаи: B = 1, T = 1, все длины равны 1 или T")
def last_edge_cases(student, rng):
    steps = int(rng.integers(3, 7))
    output = gaussian(rng, steps, 1, 3)
    _expect_last(student, output, np.array([steps]), output[-1])
    output = gaussian(rng, 1, 4, 2)
    _expect_last(student, output, np.ones(4, dtype=np.int64), output[0])
    output = gaussian(rng, steps, 3, 2)
    _expect_last(student, output, np.ones(3, dtype=np.int64), output[0])
    _expect_last(student, output, np.full(3, steps, dtype=np.int64), output[-1])


# -- 41.5 make_windows -------------------------------------------------------------------


@cache
def airline_passengers():
    """The 144 monthly totals (thousands) shipped with the course, as float64."""
    path = EXERCISE.course / "exercises" / "data" / "airline_passengers.csv"
    rows = [line.split(",") for line in path.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "month"))]
    return np.array([float(value) for _, value in rows])


def _expect_windows(student, series, window):
    name = f"make_windows(series ({series.shape[0]},), window={window})"
    X, y = expect_tuple(student.make_windows(AsTensor(series), window), ("X", "y"), name=name)
    starts = np.arange(series.shape[0] - window)
    expect_tensor(X, series[starts[:, None] + np.arange(window)], device=student.device, name=f"X из {name}",
                  rtol=0.0, atol=0.0)
    expect_tensor(y, series[window:], device=student.device, name=f"y из {name}", rtol=0.0, atol=0.0)


@EXERCISE.check("make_windows", points=2,
                title="ряд пассажиров (144 месяца) и случайный ряд: N − window пар, последнее окно на месте")
def windows_on_airline(student, rng):
    _expect_windows(student, airline_passengers(), int(rng.integers(2, 13)))
    _expect_windows(student, gaussian(rng, int(rng.integers(10, 30))), int(rng.integers(1, 6)))


@EXERCISE.check("make_windows", points=1, title="любые N и window: window = 1 и window = N − 1 (ровно одна пара)",
                examples=8)
@given(length=st.integers(2, 25), pick=st.integers(0, 10**6))
@example(length=2, pick=0)
def windows_any_length(student, length, pick):
    series = np.random.default_rng(pick).normal(size=length)
    _expect_windows(student, series, 1 + pick % (length - 1))
    _expect_windows(student, series, 1)
    _expect_windows(student, series, length - 1)


# -- 41.6 scale_by_train -----------------------------------------------------------------


def _expect_scaled(student, series, train_size):
    train = series[:train_size]
    expected = (series - train.min()) / (train.max() - train.min())
    return expect_tensor(student.scale_by_train(AsTensor(series), train_size), expected, device=student.device,
                         name=f"scale_by_train(series ({series.shape[0]},), train_size={train_size})")


@EXERCISE.check("scale_by_train", points=2,
                title="минимум и максимум только по обучающей части (пассажиры, 67 % / 33 %): тест выходит за 1")
def scaled_on_airline(student, rng):
    series = airline_passengers()
    _expect_scaled(student, series, int(0.67 * series.shape[0]))
    trend = np.linspace(0.0, 3.0, 20) + gaussian(rng, 20, scale=0.2)
    _expect_scaled(student, trend, int(rng.integers(5, 15)))


@EXERCISE.check("scale_by_train", points=1,
                title="обучающая часть ровно в [0, 1]; train_size = N и train_size = 2; отрицательные значения")
def scaled_edge_cases(student, rng):
    series = gaussian(rng, 12, scale=5.0)
    for train_size in (12, 2, int(rng.integers(3, 12))):
        scaled = _expect_scaled(student, series, train_size)
        expect(abs(scaled[:train_size].min()) < 1e-12 and abs(scaled[:train_size].max() - 1.0) < 1e-12,
               f"при train_size={train_size} обучающая часть должна занимать ровно [0, 1]")


def train_forecaster(X, y, seed, steps=150):
    """Train a trusted nn.LSTM(1, 16) + Linear on (X, y) windows: the lab's model, fixed seed, one thread.

    Returns the mean squared error on the training windows before and after ``steps`` full-batch Adam steps.
    """
    import torch

    torch.manual_seed(seed)
    lstm = torch.nn.LSTM(1, 16, dtype=torch.float64)
    head = torch.nn.Linear(16, 1, dtype=torch.float64)
    optimizer = torch.optim.Adam([*lstm.parameters(), *head.parameters()], lr=0.02)
    inputs, targets = torch.tensor(X.T[:, :, None]), torch.tensor(y)

    def loss():
        output, _ = lstm(inputs)
        return torch.nn.functional.mse_loss(head(output[-1]).squeeze(1), targets)

    with torch.no_grad():
        before = float(loss())
    for _ in range(steps):
        optimizer.zero_grad()
        value = loss()
        value.backward()
        optimizer.step()
    with torch.no_grad():
        return before, float(loss())


@EXERCISE.check("scale_by_train", points=1,
                title="лабораторная целиком: ваши масштаб и окна обучают nn.LSTM (фиксированное зерно), "
                      "ошибка на обучении падает хотя бы вдвое")
def lab_trains_end_to_end(student, rng):
    """A loose smoke check of the whole lab: training is not graded beyond "it learns"."""
    series = airline_passengers()
    train_size, window = int(0.67 * series.shape[0]), 12
    scaled = _expect_scaled(student, series, train_size)
    X, y = expect_tuple(student.make_windows(AsTensor(scaled[:train_size]), window), ("X", "y"),
                        name="make_windows(обучающая часть, window=12)")
    expect(X.array.shape == (train_size - window, window) and y.array.shape == (train_size - window,),
           f"окна обучающей части: X {X.array.shape}, y {y.array.shape}, а нужны "
           f"({train_size - window}, {window}) и ({train_size - window},)")
    before, after = train_forecaster(X.array, y.array, seed=int(rng.integers(2**31)))
    expect(after < 0.5 * before,
           f"за 150 шагов Adam ошибка на обучающих окнах упала только с {before:.4g} до {after:.4g}: "
           "проверьте масштаб (значения порядка 0..1) и окна")


# -- 41.7 fit_cubic ----------------------------------------------------------------------


def cubic_oracle(x, A, B):
    """Least-squares coefficients (a, b, c, d) from np.linalg.lstsq on the Vandermonde matrix."""
    design = np.stack([np.ones_like(x), x, x**2, x**3], axis=1)
    return np.linalg.lstsq(design, A * np.cos(x) + B * np.sin(x), rcond=None)[0]


def _expect_cubic(student, x, A, B):
    expect_tensor(student.fit_cubic(AsTensor(x), A, B), cubic_oracle(x, A, B), device=student.device,
                  name=f"fit_cubic(x ({x.shape[0]},), A={A:.4g}, B={B:.4g})", rtol=1e-6, atol=1e-6)


@EXERCISE.check("fit_cubic", points=2,
                title="совпадает с МНК (np.linalg.lstsq) для случайных A, B на 2000 точках linspace(−π, π)")
def cubic_matches_lstsq(student, rng):
    x = np.linspace(-np.pi, np.pi, 2000)
    for _ in range(2):
        A, B = (float(v) for v in rng.uniform(-3.0, 3.0, size=2))
        _expect_cubic(student, x, A, B)


@EXERCISE.check("fit_cubic", points=1,
                title="чётность: при B = 0 нечётные коэффициенты b, d нулевые, при A = 0 — a, c; случайные точки")
def cubic_parity(student, rng):
    x = np.linspace(-np.pi, np.pi, 101)
    _expect_cubic(student, x, float(rng.uniform(0.5, 2.0)), 0.0)
    _expect_cubic(student, x, 0.0, float(rng.uniform(-2.0, -0.5)))
    points = np.sort(rng.uniform(-np.pi, np.pi, size=int(rng.integers(4, 30))))
    _expect_cubic(student, points, float(rng.uniform(-3.0, 3.0)), float(rng.uniform(-3.0, 3.0)))
