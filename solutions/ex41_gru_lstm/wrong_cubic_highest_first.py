"""Wrong variant of exercise 41: coefficients returned highest degree first (as np.polyfit returns them)."""

import torch

PART = "fit_cubic"
TITLE = "коэффициенты в порядке (d, c, b, a), от старшей степени, как у np.polyfit"
HINTS = (
    "Какой коэффициент стоит у вас первым: при x^0 или при x^3?",
    "Требуется порядок от младшей степени: (a, b, c, d) для a + b x + c x² + d x³; "
    "np.polyfit и np.polyval используют обратный.",
    "Разверните вектор коэффициентов или постройте столбцы матрицы в порядке 1, x, x², x³.",
)


def fit_cubic(x, A, B):
    target = A * torch.cos(x) + B * torch.sin(x)
    design = torch.stack([x**3, x**2, x, torch.ones_like(x)], dim=1)
    return torch.linalg.solve(design.T @ design, design.T @ target)
