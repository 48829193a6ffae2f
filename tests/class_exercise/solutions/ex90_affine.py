"""Reference for the test exercise: an affine layer as an nn.Module."""

import torch
from torch import nn


class Affine(nn.Module):
    """y = x @ weight.T + bias, with parameters ``weight`` (out, in) and ``bias`` (out,)."""

    def __init__(self, in_features: int, out_features: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_features, in_features, dtype=torch.float64))
        self.bias = nn.Parameter(torch.zeros(out_features, dtype=torch.float64))

    def forward(self, x):
        return x @ self.weight.T + self.bias
