"""Test exercise: an affine layer as an nn.Module (torch)."""

from torch import nn


class Affine(nn.Module):
    """y = x @ weight.T + bias, with parameters ``weight`` (out, in) and ``bias`` (out,)."""

    def __init__(self, in_features: int, out_features: int) -> None:
        raise NotImplementedError("ex90: implement Affine")
