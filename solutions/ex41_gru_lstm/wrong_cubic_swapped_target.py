"""Wrong variant of exercise 41: the target is A sin x + B cos x (A and B swapped)."""

import torch

PART = "fit_cubic"
TITLE = "перепутаны A и B: приближается A sin x + B cos x"
HINTS = (
    "При B = 0 цель A cos x чётная: какие коэффициенты кубического многочлена должны обнулиться?",
    "Чётная функция приближается чётными степенями (a, c), нечётная — нечётными (b, d). "
    "У вас ненулевые не те коэффициенты: множители при cos и sin поменялись местами.",
    "Цель — A·cos x + B·sin x: A стоит при косинусе.",
)


def fit_cubic(x, A, B):
    target = A * torch.sin(x) + B * torch.cos(x)
    design = torch.stack([torch.ones_like(x), x, x**2, x**3], dim=1)
    return torch.linalg.solve(design.T @ design, design.T @ target)
