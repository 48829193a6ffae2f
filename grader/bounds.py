"""Concentration bounds for statistical checks: each returns where a correct answer must lie.

A check that samples a student's random function compares a statistic with one of these
bounds; the bound's ``failure`` (or ``alpha``) is the probability that a correct answer
falls outside it, and the check's docstring states the total (at most 1e-6).
"""

from __future__ import annotations

import math

import numpy as np


def hoeffding_radius(n: int, failure: float) -> float:
    """t with P(|mean - E| >= t) <= failure for n independent draws in [0, 1] (two-sided Hoeffding)."""
    return math.sqrt(math.log(2.0 / failure) / (2.0 * n))


def bernstein_radius(n: int, variance: float, spread: float, failure: float) -> float:
    """t with P(|mean of n iid X - E X| >= t) <= failure when Var X = variance and |X - E X| <= spread.

    Bernstein's inequality: P(|mean - mu| >= t) <= 2 exp(-n t^2 / (2 variance + 2 spread t / 3)).
    """
    log_term = math.log(2.0 / failure)
    c = spread * log_term / (3.0 * n)
    return c + math.sqrt(c * c + 2.0 * variance * log_term / n)


def binomial_bounds(n: int, p: float, alpha: float) -> tuple[int, int]:
    """(lo, hi) with P(K < lo) <= alpha/2 and P(K > hi) <= alpha/2 for K ~ Binomial(n, p), exactly."""
    k = np.arange(n + 1)
    log_pmf = np.array([math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) for i in k])
    log_pmf += k * math.log(p) + (n - k) * math.log1p(-p)
    pmf = np.exp(log_pmf - log_pmf.max())
    pmf /= pmf.sum()
    lower_tail = np.cumsum(pmf)  # P(K <= k)
    upper_tail = np.cumsum(pmf[::-1])[::-1]  # P(K >= k)
    lo = int(np.argmax(lower_tail > alpha / 2))  # P(K < lo) <= alpha / 2
    hi = int(np.nonzero(upper_tail > alpha / 2)[0][-1])  # P(K > hi) <= alpha / 2
    return lo, hi
