"""Are the statistical checks' bounds exactly as wide as their stated failure probabilities allow?"""

import math

import pytest

from grader.bounds import bernstein_radius, binomial_bounds, hoeffding_radius


@pytest.mark.parametrize("n, p, alpha", [(20, 0.3, 0.05), (200, 0.15, 1e-6), (50, 0.5, 1e-3)])
def test_binomial_bounds_are_the_tightest_with_tails_below_alpha(n, p, alpha):
    pmf = [math.comb(n, k) * p**k * (1 - p) ** (n - k) for k in range(n + 1)]
    lo, hi = binomial_bounds(n, p, alpha)
    assert sum(pmf[:lo]) <= alpha / 2 < sum(pmf[: lo + 1])
    assert sum(pmf[hi + 1:]) <= alpha / 2 < sum(pmf[hi:])


def test_hoeffding_and_bernstein_radii_meet_their_inequalities_with_equality():
    n, failure = 1000, 1e-7
    t = hoeffding_radius(n, failure)
    assert 2 * math.exp(-2 * n * t * t) == pytest.approx(failure)
    variance, spread = 0.04, 0.5
    t = bernstein_radius(n, variance, spread, failure)
    assert 2 * math.exp(-n * t * t / (2 * variance + 2 * spread * t / 3)) == pytest.approx(failure)
