"""Wrong variant of ex39: BCE through log(sigmoid(z)) and log(1 - sigmoid(z)), which overflow to -inf."""

import torch

PART = "bce_with_logits"
TITLE = "log(sigmoid(z)) напрямую: −inf и inf при логитах ±1e3"
HINTS = (
    "Чему равен sigmoid(−1000) в float64 и что даёт его логарифм?",
    "log σ(z) = −softplus(−z) и log(1 − σ(z)) = −softplus(z); softplus можно считать без переполнения.",
    "softplus(t) = max(t, 0) + log1p(exp(−|t|)) (или torch.nn.functional.softplus) — соберите потерю из него.",
)


def bce_with_logits(logits, target, pos_weight=None):
    s = torch.sigmoid(logits)
    weight = 1.0 if pos_weight is None else pos_weight
    return -(weight * target * torch.log(s) + (1.0 - target) * torch.log(1.0 - s)).mean()
