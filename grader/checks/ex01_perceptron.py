"""Checks of exercise 1: the perceptron rule, a threshold network for XOR, an MLP forward pass."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from grader import oracles
from grader.compare import Mismatch, expect, expect_array, expect_int, expect_scalar, expect_tuple
from grader.exercise import Exercise
from grader.strategies import arrays, gaussian

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([-1, 1, 1, -1])


def _separable(rng, n, d, margin=0.25):
    """n points in d dimensions, labelled by a random hyperplane, none closer to it than ``margin``.

    Returns X, y and the hyperplane (w_star, b_star) with |w_star| = 1.
    """
    w_star = rng.normal(size=d)
    w_star /= np.linalg.norm(w_star)
    b_star = rng.uniform(-0.5, 0.5)
    points = []
    while len(points) < n:
        x = rng.normal(0.0, 1.5, size=d)
        if abs(x @ w_star + b_star) >= margin:
            points.append(x)
    X = np.array(points)
    y = np.where(X @ w_star + b_star > 0, 1, -1).astype(np.int64)
    return X, y, w_star, b_star


def _perceptron_oracle(X, y, lr, max_epochs):
    """Rosenblatt's online rule, replayed here step by step (zero start, fixed order)."""
    w, b, updates = np.zeros(X.shape[1]), 0.0, 0
    for _ in range(max_epochs):
        errors = 0
        for x_i, y_i in zip(X, y, strict=True):
            if y_i * (float(w @ x_i) + b) <= 0:
                w, b, errors = w + lr * y_i * x_i, b + lr * y_i, errors + 1
        updates += errors
        if errors == 0:
            return w, b, updates, True
    return w, b, updates, False


def _expect_fit(student, X, y, lr, max_epochs):
    """The student's (w, b, n_updates, converged), each compared with the oracle's replay."""
    w0, b0, n0, c0 = _perceptron_oracle(X, y, lr, max_epochs)
    w, b, n, converged = expect_tuple(student.perceptron_fit(X, y, lr, max_epochs),
                                      ("w", "b", "n_updates", "converged"))
    expect(isinstance(converged, (bool, np.bool_)),
           f"converged: ожидалось bool, получено {type(converged).__name__}")
    expect_int(n, n0, name="n_updates (число обновлений)")
    expect(bool(converged) == c0, f"converged: получено {bool(converged)}, а должно быть {c0}")
    expect_array(w, w0, name="w", rtol=1e-9, atol=1e-9)
    expect_scalar(b, b0, name="b", rtol=1e-9, atol=1e-9)
    return w, float(b), int(n), bool(converged)


def _fit_probes(rng):
    X, y, _, _ = _separable(rng, 6, 2)
    return [(X, y, 0.5, 50), (XOR_X, XOR_Y, 1.0, 4), (X[:1], y[:1], 1.0, 10)]


def _xor_probes(rng):
    return [(0.0, 1.0), (-2.0, 3.0)]


def _mlp_probes(rng):
    layers = [(gaussian(rng, 3, 2), gaussian(rng, 3), "tanh"), (gaussian(rng, 3, 3), gaussian(rng, 3), "relu"),
              (gaussian(rng, 1, 3), gaussian(rng, 1), "sigmoid")]
    return [(gaussian(rng, 4, 2), layers), (gaussian(rng, 2, 3), [(gaussian(rng, 3, 3), gaussian(rng, 3), "relu")])]


EXERCISE = Exercise(
    id="ex01_perceptron",
    topic=1,
    framework="numpy",
    part_names=["perceptron_fit", "xor_network", "mlp_forward"],
    probes={"perceptron_fit": _fit_probes, "xor_network": _xor_probes, "mlp_forward": _mlp_probes},
)


# -- 1.1 perceptron_fit -----------------------------------------------------------------


@EXERCISE.check("perceptron_fit", points=3,
                title="w, b и число обновлений совпадают с пошаговым прогоном правила Розенблатта")
def fit_matches_replay(student, rng):
    for n, d in [(12, 2), (25, 5), (9, 3)]:
        X, y, _, _ = _separable(rng, n, d)
        _expect_fit(student, X, y, float(rng.choice([1.0, 0.5, 0.1])), 100)


@EXERCISE.check("perceptron_fit", points=2,
                title="на разделимых данных сходится, всё классифицирует верно, обновлений не больше (R/γ)²")
def fit_separates_and_obeys_novikoff(student, rng):
    for n, d in [(40, 2), (30, 4)]:
        X, y, w_star, b_star = _separable(rng, n, d, margin=0.3)
        w, b, n_updates, converged = expect_tuple(student.perceptron_fit(X, y, 1.0, 1000),
                                                  ("w", "b", "n_updates", "converged"))
        expect(converged is True or converged is np.True_,
               f"на линейно разделимых данных перцептрон должен сойтись (converged=True), получено {converged!r}")
        expect(isinstance(w, np.ndarray) and w.shape == (d,), f"w: ожидался numpy.ndarray формы ({d},)")
        expect(isinstance(b, (int, float, np.integer, np.floating)), f"b: ожидалось число, получено {type(b).__name__}")
        expect(isinstance(n_updates, (int, np.integer)) and not isinstance(n_updates, (bool, np.bool_)),
               f"n_updates: ожидалось целое число, получено {type(n_updates).__name__}")
        wrong = int(np.sum(y * (X @ w + b) <= 0))
        expect(wrong == 0, f"после обучения неверно классифицировано {wrong} точек из {n} (y·(w·x+b) ≤ 0)")
        # Novikoff's bound in the augmented space z = (x, 1), for the unit vector (w*, b*) / |(w*, b*)|
        scale = np.hypot(1.0, b_star)
        gamma = np.min(y * (X @ w_star + b_star)) / scale
        radius2 = np.max(np.sum(X ** 2, axis=1) + 1.0)
        expect(n_updates <= radius2 / gamma ** 2,
               f"обновлений {n_updates}, а теорема Новикова допускает не больше R²/γ² = {radius2 / gamma ** 2:.1f}")


@EXERCISE.check("perceptron_fit", points=2,
                title="на XOR не сходится и останавливается ровно через max_epochs эпох")
def fit_stops_on_xor(student, rng):
    order = rng.permutation(4)
    X, y = XOR_X[order] * rng.uniform(0.5, 3.0), XOR_Y[order]
    _expect_fit(student, X, y, 1.0, int(rng.integers(3, 9)))
    _expect_fit(student, X, y, 0.5, 1)


@EXERCISE.check("perceptron_fit", points=1, title="крайние случаи: один пример; max_epochs = 1")
def fit_edge_cases(student, rng):
    x = gaussian(rng, 1, 3)
    label = np.array([int(rng.choice([-1, 1]))])
    _expect_fit(student, x, label, 0.7, 10)
    X, y, _, _ = _separable(rng, 5, 2)
    _expect_fit(student, X, y, 1.0, 1)


# -- 1.2 xor_network --------------------------------------------------------------------


def _step(z):
    return (z > 0).astype(np.float64)


def _network_output(weights, points):
    W1, b1, W2, b2 = weights
    return _step(_step(points @ W1.T + b1) @ W2.T + b2)[:, 0]


def _expect_network(student, low, high):
    got = expect_tuple(student.xor_network(low, high), ("W1", "b1", "W2", "b2"))
    for value, name, shape in zip(got, ("W1", "b1", "W2", "b2"), [(2, 2), (2,), (1, 2), (1,)], strict=True):
        expect(isinstance(value, np.ndarray), f"{name}: ожидался numpy.ndarray, получено {type(value).__name__}")
        expect(value.shape == shape and value.dtype == np.float64,
               f"{name}: форма {value.shape} и тип {value.dtype}, а нужны {shape} и float64")
        expect(bool(np.all(np.isfinite(value))), f"{name}: есть NaN или бесконечные значения")
    return got


def _levels(rng):
    low = float(rng.uniform(-20.0, 20.0))
    return [(0.0, 1.0), (low, low + float(rng.uniform(0.5, 10.0))), (-1.0, 1.0)]


@EXERCISE.check("xor_network", points=2, title="на четырёх углах {low, high}² сеть вычисляет XOR (разные low, high)")
def network_computes_xor(student, rng):
    for low, high in _levels(rng):
        weights = _expect_network(student, low, high)
        corners = np.array([[low, low], [low, high], [high, low], [high, high]])
        out = _network_output(weights, corners)
        expected = np.array([0.0, 1.0, 1.0, 0.0])
        if not np.array_equal(out, expected):
            raise Mismatch(f"при low={low:.6g}, high={high:.6g} выходы сети на углах "
                           f"(low,low), (low,high), (high,low), (high,high): {out.tolist()}, "
                           f"а XOR даёт {expected.tolist()}")


@EXERCISE.check("xor_network", points=2,
                title="ответ не меняется при сдвиге каждой координаты на ±10% от (high − low)")
def network_is_robust(student, rng):
    for low, high in _levels(rng):
        weights = _expect_network(student, low, high)
        delta = 0.1 * (high - low)
        signs = np.array([[s1, s2] for s1 in (-1, 0, 1) for s2 in (-1, 0, 1)], dtype=np.float64)
        for corner, target in [((low, low), 0.0), ((low, high), 1.0), ((high, low), 1.0), ((high, high), 0.0)]:
            near = np.array(corner) + delta * np.concatenate([signs, rng.uniform(-1, 1, size=(30, 2))])
            out = _network_output(weights, near)
            bad = np.flatnonzero(out != target)
            if bad.size:
                point = near[bad[0]]
                raise Mismatch(f"при low={low:.6g}, high={high:.6g} точка ({point[0]:.6g}, {point[1]:.6g}) "
                               f"рядом с углом ({corner[0]:.6g}, {corner[1]:.6g}) даёт {out[bad[0]]:g}, "
                               f"а должна давать {target:g}",
                               f"неверно {bad.size} из {len(near)} точек в квадрате ±{delta:.3g} вокруг угла")


# -- 1.3 mlp_forward --------------------------------------------------------------------

_ACTIVATIONS = ["identity", "relu", "tanh", "sigmoid", "step"]


def _mlp_oracle(X, layers):
    """torch.nn.Linear layers in float64 with the weights copied in, and torch's activations."""
    import torch

    def act(name, z):
        return {"identity": lambda t: t, "relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid,
                "step": lambda t: torch.heaviside(t, torch.zeros((), dtype=t.dtype))}[name](z)

    h = oracles.tensor(X)
    with torch.no_grad():
        for W, b, name in layers:
            linear = torch.nn.Linear(W.shape[1], W.shape[0], dtype=torch.float64)
            linear.weight.copy_(oracles.tensor(W))
            linear.bias.copy_(oracles.tensor(b))
            h = act(name, linear(h))
    return h.numpy()


@st.composite
def _networks(draw):
    widths = draw(st.lists(st.integers(1, 6), min_size=2, max_size=5))
    batch = draw(st.integers(1, 5))
    X = draw(arrays((batch, widths[0]), 3.0))
    layers = [(draw(arrays((n_out, n_in), 2.0)), draw(arrays((n_out,), 2.0)), draw(st.sampled_from(_ACTIVATIONS)))
              for n_in, n_out in zip(widths, widths[1:], strict=False)]
    return X, layers


def _expect_mlp(student, X, layers):
    return expect_array(student.mlp_forward(X, layers), _mlp_oracle(X, layers), name="выход сети",
                        rtol=1e-9, atol=1e-10)


@EXERCISE.check("mlp_forward", points=3,
                title="совпадает с nn.Linear + активации torch (float64) при разных ширинах и батчах")
@given(network=_networks())
def mlp_matches_torch(student, network):
    _expect_mlp(student, *network)


@EXERCISE.check("mlp_forward", points=2,
                title="неквадратные слои, батч из одного примера, активация последнего слоя")
def mlp_shapes_and_output_activation(student, rng):
    layers = [(gaussian(rng, 5, 3), gaussian(rng, 5), "relu"), (gaussian(rng, 2, 5), gaussian(rng, 2), "tanh"),
              (gaussian(rng, 4, 2), gaussian(rng, 4), "sigmoid")]
    _expect_mlp(student, gaussian(rng, 1, 3), layers)
    _expect_mlp(student, gaussian(rng, 7, 3), layers)
    _expect_mlp(student, gaussian(rng, 2, 4), [(gaussian(rng, 4, 4), gaussian(rng, 4), "relu")])


@EXERCISE.check("mlp_forward", points=1, title="сеть со ступенчатой активацией решает XOR на углах квадрата")
def mlp_runs_threshold_network(student, rng):
    low = float(rng.uniform(-5.0, 5.0))
    high = low + float(rng.uniform(1.0, 4.0))
    span = high - low
    layers = [(np.array([[1.0, -1.0], [-1.0, 1.0]]), np.array([-0.5 * span, -0.5 * span]), "step"),
              (np.array([[1.0, 1.0]]), np.array([-0.5]), "step")]
    X = np.array([[low, low], [low, high], [high, low], [high, high]])
    out = _expect_mlp(student, X, layers)
    expect_array(out[:, 0], np.array([0.0, 1.0, 1.0, 0.0]), name="XOR на углах", rtol=0, atol=0)
