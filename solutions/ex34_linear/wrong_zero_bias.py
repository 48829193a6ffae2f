"""Wrong variant of exercise 34: the bias initialised with zeros."""

import math

import numpy as np

PART = "init_linear"
TITLE = "смещение инициализировано нулями"
HINTS = (
    "Посмотрите на nn.Linear(4, 3).bias сразу после создания: там нули?",
    "reset_parameters() у nn.Linear заполняет смещение числами из U(−1/√in, 1/√in), "
    "а не нулями (нули ставят вручную, например через nn.init.zeros_).",
    "Сэмплируйте смещение тем же rng.uniform после веса, с границей 1/√in_features.",
)


def init_linear(in_features, out_features, rng, bias=True):
    bound = 1.0 / math.sqrt(in_features)
    W = rng.uniform(-bound, bound, size=(out_features, in_features))
    return W, (np.zeros(out_features) if bias else None)
