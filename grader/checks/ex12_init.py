"""Checks of exercise 12: fans, Xavier initialisation and activation statistics in NumPy.

Oracles: ``torch.nn.init._calculate_fan_in_and_fan_out`` on meta tensors (no memory),
the shapes of real ``nn.Linear`` / ``nn.ConvNd`` weights, and a float64 torch forward
pass. The samplers are checked statistically: every bound below is a proven
concentration inequality (not a normal approximation), and each check's docstring
states its false-reject rate, at most 1e-6. Shapes are non-square (fan_out / fan_in
between 2 and 3.5, or its inverse), so that the fan_in-only formulas cannot pass by
coincidence.
"""

import math

import numpy as np
from hypothesis import example, given
from hypothesis import strategies as st

from grader.bounds import bernstein_radius
from grader.compare import Mismatch, expect, expect_array, expect_int, expect_tuple
from grader.exercise import Exercise
from grader.strategies import gaussian
from grader.student import StudentError
from grader.wire import Rng

GAINS = (5.0 / 3.0, math.sqrt(2.0), 0.5, 3.0)  # never 1: a forgotten gain must show
DELTA = 1e-7  # false-reject probability of one statistical test


def _fans_probes(rng):
    return [((3, 5, 2, 4),), ((7, 2),), ((4, 6, 3),)]


def _sampler_probes(rng):
    return [((40, 90), 5.0 / 3.0, Rng(int(rng.integers(2**31)))), ((12, 6, 3, 3), 0.5, Rng(int(rng.integers(2**31))))]


def _stds_probes(rng):
    x = gaussian(rng, 6, 5)
    weights = [gaussian(rng, 4, 5), gaussian(rng, 7, 4)]
    return [(x, weights, "tanh"), (x, weights, "relu")]


EXERCISE = Exercise(
    id="ex12_init",
    topic=12,
    framework="numpy",
    part_names=["fans", "xavier_uniform", "xavier_normal", "activation_stds"],
    probes={"fans": _fans_probes, "xavier_uniform": _sampler_probes, "xavier_normal": _sampler_probes,
            "activation_stds": _stds_probes},
)


# -- oracles and statistics -----------------------------------------------------------


def torch_fans(shape):
    """What torch computes for a weight of this shape (a meta tensor: nothing is allocated)."""
    import torch

    return tuple(torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(shape, device="meta")))


def torch_rejects(shape):
    """Whether torch refuses to compute fans for this shape, and with which exception type."""
    try:
        torch_fans(shape)
    except ValueError:
        return "ValueError"
    return None


def torch_activation_stds(x, weights, activation):
    """A float64 torch forward pass; population std (correction=0) after each layer."""
    import torch

    functions = {"tanh": torch.tanh, "relu": torch.relu, "linear": lambda z: z}
    h, stds = torch.tensor(np.array(x)), []
    for weight in weights:
        h = functions[activation](h @ torch.tensor(np.array(weight)).T)
        stds.append(float(h.std(correction=0)))
    return np.array(stds, dtype=np.float64)


def chi2_band(n, delta=DELTA):
    """(low, high) with P(chi2_n / n outside) <= 2 delta (Laurent and Massart, 2000)."""
    x = math.log(1.0 / delta)
    return 1.0 - 2.0 * math.sqrt(x / n), 1.0 + 2.0 * math.sqrt(x / n) + 2.0 * x / n


def non_square_linear(rng, smallest=60, largest=100):
    """(out, in) with one side 2 to 3.5 times the other, either way round."""
    small = int(rng.integers(smallest, largest + 1))
    big = int(small * rng.uniform(2.0, 3.5))
    return (small, big) if rng.random() < 0.5 else (big, small)


def non_square_conv(rng):
    """(out, in, kh, kw) of a Conv2d with out = 2 or 3 times in, or the other way round."""
    small = int(rng.integers(20, 33))
    big = small * int(rng.integers(2, 4))
    kernel = (int(rng.choice([3, 5])), int(rng.choice([3, 5])))
    return ((small, big) if rng.random() < 0.5 else (big, small)) + kernel


def _sampler_cases(rng):
    """(shape, gain or None for the default) with at least 6000 numbers each."""
    return [(non_square_linear(rng), float(rng.choice(GAINS))),
            (non_square_conv(rng), float(rng.choice(GAINS))),
            ((int(rng.integers(40, 60)), int(rng.integers(110, 160)), 3), None)]


def _draw(student, function, shape, gain, seed):
    if gain is None:
        return getattr(student, function)(shape, rng=Rng(seed))
    return getattr(student, function)(shape, gain, Rng(seed))


def _expect_sample(got, shape, name):
    """A finite float64 ndarray of this shape."""
    expected = np.zeros(shape)
    if not isinstance(got, np.ndarray) or got.shape != expected.shape or got.dtype != np.float64:
        expect_array(got, expected, name=name)  # explains the type, shape or dtype
    finite = np.isfinite(got)
    expect(finite.all(), f"{name}: {int((~finite).sum())} значений NaN или бесконечны")
    return got


def _label(function, shape, gain):
    return f"{function}({shape}, gain={1.0 if gain is None else round(gain, 6)})"


def _fans_of(shape):
    fan_in, fan_out = torch_fans(shape)
    return fan_in, fan_out


def uniform_bound(shape, gain):
    fan_in, fan_out = _fans_of(shape)
    return (1.0 if gain is None else gain) * math.sqrt(6.0 / (fan_in + fan_out))


def normal_std(shape, gain):
    fan_in, fan_out = _fans_of(shape)
    return (1.0 if gain is None else gain) * math.sqrt(2.0 / (fan_in + fan_out))


# -- 12.1 fans ------------------------------------------------------------------------


def _expect_fans(student, shape):
    fan_in, fan_out = torch_fans(shape)
    got_in, got_out = expect_tuple(student.fans(shape), ("fan_in", "fan_out"), name=f"fans({shape})")
    expect_int(got_in, fan_in, name=f"fan_in для формы {shape}")
    expect_int(got_out, fan_out, name=f"fan_out для формы {shape}")


@EXERCISE.check("fans", points=2,
                title="совпадает с torch.nn.init._calculate_fan_in_and_fan_out на формах с 2–5 осями")
@given(shape=st.lists(st.integers(1, 9), min_size=2, max_size=5).map(tuple))
@example(shape=(3, 5, 2, 4))
def fans_match_torch(student, shape):
    _expect_fans(student, shape)


@EXERCISE.check("fans", points=1,
                title="веса настоящих nn.Linear, Conv1d, Conv2d (с groups) и Conv3d: (out, in/groups, *ядро)")
def fans_of_real_layers(student, rng):
    import torch.nn as nn

    c_in, c_out = 2 * int(rng.integers(2, 6)), 2 * int(rng.integers(6, 10))
    kh, kw = int(rng.integers(1, 4)), int(rng.integers(4, 7))
    layers = [nn.Linear(int(rng.integers(3, 50)), int(rng.integers(51, 99)), device="meta"),
              nn.Linear(7, 1, device="meta"),
              nn.Conv1d(c_in, c_out, int(rng.integers(2, 8)), device="meta"),
              nn.Conv2d(c_in, c_out, (kh, kw), device="meta"),
              nn.Conv2d(c_in, c_out, 3, groups=2, device="meta"),
              nn.Conv3d(c_in, c_out, (kh, 2, kw), device="meta")]
    for layer in layers:
        _expect_fans(student, tuple(layer.weight.shape))


@EXERCISE.check("fans", points=1, title="форма с одной осью или без осей: ValueError, как у torch")
def fans_reject_short_shapes(student, rng):
    for shape in [(int(rng.integers(2, 50)),), ()]:
        expected = torch_rejects(shape)
        try:
            got = student.fans(shape)
        except StudentError as error:
            if error.type_name == expected:
                continue
            raise  # the engine reports the exception (and the matcher sees it as it is)
        raise Mismatch(f"fans({shape}): функция вернула {got!r}, а должна выбросить {expected}: "
                       "у вектора нет ни fan_in, ни fan_out (torch тоже отказывается)")


# -- 12.2 xavier_uniform --------------------------------------------------------------


@EXERCISE.check("xavier_uniform", points=2,
                title="все значения в [−a, a], a = gain·√(6/(fan_in+fan_out)), и min/max близки к ∓a")
def uniform_respects_bound(student, rng):
    """False-reject rate < 1e-12: with n >= 6000 uniform draws, P(max < 0.99 a) = 0.995^n < 1e-13, same for min."""
    for shape, gain in _sampler_cases(rng):
        name = _label("xavier_uniform", shape, gain)
        w = _expect_sample(_draw(student, "xavier_uniform", shape, gain, int(rng.integers(2**31))), shape, name)
        a = uniform_bound(shape, gain)
        top = float(np.abs(w).max())
        expect(top <= a * (1 + 1e-12),
               f"{name}: значение {top:.6g} по модулю больше границы a = gain·√(6/(fan_in+fan_out)) = {a:.6g}",
               f"(fan_in, fan_out) = {_fans_of(shape)}: границы слишком широкие")
        for label, extreme in (("наибольшее", float(w.max())), ("наименьшее", float(w.min()))):
            expect(abs(extreme) >= 0.99 * a,
                   f"{name}: {label} значение {extreme:.6g}, а среди {w.size} чисел из U(−a, a) его модуль "
                   f"почти наверняка не меньше 0.99·a = {0.99 * a:.6g} (a = {a:.6g})",
                   f"(fan_in, fan_out) = {_fans_of(shape)}: границы слишком узкие или распределение смещено")


@EXERCISE.check("xavier_uniform", points=2,
                title="выборочные среднее и дисперсия согласуются с U(−a, a) (неравенство Бернштейна)")
def uniform_moments(student, rng):
    """Bernstein bounds for the mean of w (Var = a^2/3, |w| <= a) and of w^2 (Var = a^4/5 - a^4/9 = 4a^4/45,
    |w^2 - a^2/3| <= 2a^2/3), each with false-reject rate 1e-7: 6 tests, rate <= 6e-7."""
    for shape, gain in _sampler_cases(rng):
        name = _label("xavier_uniform", shape, gain)
        w = _expect_sample(_draw(student, "xavier_uniform", shape, gain, int(rng.integers(2**31))), shape, name)
        a, n = uniform_bound(shape, gain), w.size
        mean, mean_tol = float(w.mean()), bernstein_radius(n, a * a / 3, a, DELTA)
        expect(abs(mean) <= mean_tol,
               f"{name}: выборочное среднее {mean:.4g}, а для U(−a, a) оно должно быть 0 ± {mean_tol:.3g} "
               f"(a = {a:.6g}, n = {n})")
        second, target = float(np.mean(w * w)), a * a / 3
        tol = bernstein_radius(n, 4 * a**4 / 45, 2 * a * a / 3, DELTA)
        expect(abs(second - target) <= tol,
               f"{name}: выборочная дисперсия mean(w²) = {second:.6g}, а должна быть a²/3 = "
               f"2·gain²/(fan_in+fan_out) = {target:.6g} ± {tol:.2g} (отношение {second / target:.3f})",
               f"(fan_in, fan_out) = {_fans_of(shape)}, n = {n}")


@EXERCISE.check("xavier_uniform", points=1,
                title="воспроизводимость: тот же seed — тот же массив, другой seed — другой; формы (1, 1) и 3-D")
def uniform_is_reproducible(student, rng):
    _expect_reproducible(student, "xavier_uniform", rng, tiny=lambda shape, gain: uniform_bound(shape, gain))


def _expect_reproducible(student, function, rng, tiny):
    """Deterministic given the seed; tiny shapes give float64 arrays of the right shape and scale."""
    shape, gain, seed = (int(rng.integers(3, 9)), int(rng.integers(10, 20)), 3), 5.0 / 3.0, int(rng.integers(2**31))
    name = _label(function, shape, gain)
    first = _expect_sample(_draw(student, function, shape, gain, seed), shape, name)
    again = _expect_sample(_draw(student, function, shape, gain, seed), shape, name)
    expect(np.array_equal(first, again),
           f"{name}: два вызова с генераторами с одним и тем же seed = {seed} дали разные массивы",
           "все случайные числа нужно брать из переданного rng, а не из глобального np.random")
    other = _expect_sample(_draw(student, function, shape, gain, seed + 1), shape, name)
    expect(not np.array_equal(first, other),
           f"{name}: генераторы с seed = {seed} и {seed + 1} дали одинаковые массивы: переданный rng не используется")
    for shape in [(1, 1), (2, 1, 1)]:
        name = _label(function, shape, gain)
        w = _expect_sample(_draw(student, function, shape, gain, int(rng.integers(2**31))), shape, name)
        scale = tiny(shape, gain)
        expect(float(np.abs(w).max()) <= 10 * scale,
               f"{name}: значение {float(np.abs(w).max()):.6g} несоразмерно масштабу {scale:.6g}")


# -- 12.3 xavier_normal ---------------------------------------------------------------


@EXERCISE.check("xavier_normal", points=2,
                title="среднее ≈ 0 и дисперсия ≈ 2·gain²/(fan_in+fan_out) (точные границы для N(0, σ²))")
def normal_moments(student, rng):
    """The mean of n N(0, s^2) draws is N(0, s^2/n): |mean| <= 5.5 s / sqrt(n) fails with rate 3.8e-8.
    n mean(w^2) / s^2 is chi-square with n degrees of freedom: the Laurent-Massart band fails with rate 2e-7.
    Three shapes: rate <= 7.2e-7."""
    for shape, gain in _sampler_cases(rng):
        name = _label("xavier_normal", shape, gain)
        w = _expect_sample(_draw(student, "xavier_normal", shape, gain, int(rng.integers(2**31))), shape, name)
        s, n = normal_std(shape, gain), w.size
        mean = float(w.mean())
        expect(abs(mean) <= 5.5 * s / math.sqrt(n),
               f"{name}: выборочное среднее {mean:.4g}, а должно быть 0 ± {5.5 * s / math.sqrt(n):.3g}")
        low, high = chi2_band(n)
        ratio = float(np.mean(w * w)) / (s * s)
        expect(low <= ratio <= high,
               f"{name}: выборочная дисперсия {float(np.mean(w * w)):.6g}, а должна быть "
               f"σ² = 2·gain²/(fan_in+fan_out) = {s * s:.6g} (отношение {ratio:.3f}, допустимо от "
               f"{low:.3f} до {high:.3f})", f"(fan_in, fan_out) = {_fans_of(shape)}, n = {n}")


@EXERCISE.check("xavier_normal", points=1,
                title="форма распределения нормальная: доли |w| < σ и |w| > 2σ (неравенство Хёфдинга)")
def normal_shape(student, rng):
    """Hoeffding: a fraction of n >= 20000 draws is within sqrt(ln(2/1e-7) / (2n)) of its probability
    except with rate 1e-7; 2 fractions x 2 shapes: rate <= 4e-7."""
    cases = [((int(rng.integers(100, 130)), int(rng.integers(250, 400))), float(rng.choice(GAINS))),
             ((int(rng.integers(40, 50)), int(rng.integers(20, 25)), 5, 5), None)]
    for shape, gain in cases:
        name = _label("xavier_normal", shape, gain)
        w = _expect_sample(_draw(student, "xavier_normal", shape, gain, int(rng.integers(2**31))), shape, name)
        s, n = normal_std(shape, gain), w.size
        tol = math.sqrt(math.log(2 / DELTA) / (2 * n))
        for k, p in ((1, math.erf(1 / math.sqrt(2))), (2, math.erfc(2 / math.sqrt(2)))):
            inside = k == 1
            share = float(np.mean(np.abs(w) < s)) if inside else float(np.mean(np.abs(w) > 2 * s))
            what = "|w| < σ" if inside else "|w| > 2σ"
            expect(abs(share - p) <= tol,
                   f"{name}: доля {what} равна {share:.4f}, а у N(0, σ²) она {p:.4f} ± {tol:.4f} "
                   f"(σ = {s:.6g}, n = {n})")


@EXERCISE.check("xavier_normal", points=1,
                title="воспроизводимость: тот же seed — тот же массив, другой seed — другой; формы (1, 1) и 3-D")
def normal_is_reproducible(student, rng):
    _expect_reproducible(student, "xavier_normal", rng, tiny=lambda shape, gain: normal_std(shape, gain))


# -- 12.4 activation_stds -------------------------------------------------------------


@st.composite
def networks(draw):
    """(x, weights, activation): depth 1-4, widths 1-6, batch 1-5."""
    depth = draw(st.integers(1, 4))
    widths = [draw(st.integers(1, 6)) for _ in range(depth + 1)]
    batch = draw(st.integers(1, 5))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = gaussian(rng, batch, widths[0])
    weights = [gaussian(rng, widths[i + 1], widths[i]) for i in range(depth)]
    return x, weights, draw(st.sampled_from(["tanh", "relu", "linear"]))


def _expect_stds(student, x, weights, activation, rtol=1e-10, atol=1e-12):
    expect_array(student.activation_stds(x, weights, activation), torch_activation_stds(x, weights, activation),
                 name=f"activation_stds(..., {activation!r})", rtol=rtol, atol=atol)


@EXERCISE.check("activation_stds", points=3,
                title="совпадает с прямым проходом torch (float64) на случайных сетях, батч от 1")
@given(net=networks())
def stds_match_torch(student, net):
    _expect_stds(student, *net)


@EXERCISE.check("activation_stds", points=2,
                title="сеть из 20 слоёв ширины 64: Xavier, Kaiming, «малая» и «большая» инициализации")
def stds_deep_network(student, rng):
    width, depth = 64, 20
    x = gaussian(rng, int(rng.integers(50, 120)), width)
    xavier = math.sqrt(6.0 / (2 * width))
    inits = [
        ("tanh", lambda: rng.uniform(-xavier, xavier, size=(width, width))),
        ("relu", lambda: rng.normal(0.0, math.sqrt(2.0 / width), size=(width, width))),
        ("relu", lambda: rng.uniform(-xavier, xavier, size=(width, width))),
        ("tanh", lambda: rng.normal(0.0, 0.01, size=(width, width))),
        ("tanh", lambda: rng.normal(0.0, 1.0, size=(width, width))),
        ("linear", lambda: rng.normal(0.0, 1.0, size=(width, width))),
    ]
    for activation, init in inits:
        _expect_stds(student, x, [init() for _ in range(depth)], activation, rtol=1e-9, atol=0.0)


@EXERCISE.check("activation_stds", points=1,
                title="крайние случаи: входы ×1e6 и ×1e−6, слой ширины 1, неквадратные слои")
def stds_edge_cases(student, rng):
    x = gaussian(rng, 7, 3)
    weights = [gaussian(rng, 5, 3), gaussian(rng, 1, 5), gaussian(rng, 4, 1)]
    for scale in (1e6, 1e-6):
        for activation in ("relu", "linear", "tanh"):
            _expect_stds(student, scale * x, weights, activation, rtol=1e-9, atol=0.0)
