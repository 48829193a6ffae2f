"""Wrong variant of ex39: Huber written as Smooth L1 with beta = delta (missing the factor delta)."""

import torch

PART = "huber_loss"
TITLE = "Huber посчитан как Smooth L1 с beta = delta: потерян множитель delta"
HINTS = (
    "При delta = 1 ответ верен, а при delta = 2 отличается в одно и то же число раз. В какое?",
    "Квадратичная ветвь Huber — 0.5·d² без деления; линейная — delta·(d − delta/2): её наклон равен delta, а не 1.",
    "huber(delta) = delta · smooth_l1(beta = delta): умножьте обе ветви на delta.",
)


def huber_loss(input, target, delta=1.0, reduction="mean"):
    d = (input - target).abs()
    return _reduce(torch.where(d < delta, 0.5 * d ** 2 / delta, d - 0.5 * delta), reduction)
