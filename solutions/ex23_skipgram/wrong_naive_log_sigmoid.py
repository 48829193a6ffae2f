"""Wrong variant of exercise 23: log(1 / (1 + exp(-x))) overflows, the loss is inf for scores near -800."""

PART = "negative_sampling_loss"
TITLE = "log(sigmoid(x)) по наивной формуле: при x ≈ −800 exp(−x) = inf, и потеря бесконечна"
HINTS = (
    "Чему равно np.exp(800.0) в float64 и что после этого получается в log(1 / (1 + ...))?",
    "log σ(x) = −log(1 + e^{−x}); при x ≪ 0 это почти x, и вычислять его надо, не находя сам σ(x).",
    "Используйте log σ(x) = −np.logaddexp(0, −x) (или min(x, 0) − log1p(exp(−|x|))).",
)


def _log_sigmoid(x):
    return np.log(1.0 / (1.0 + np.exp(-x)))


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))
