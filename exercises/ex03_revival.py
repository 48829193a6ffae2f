"""Exercise 3: what the deep-learning revival had to pay for, in numbers (topic 3).

Parts 3.1 and 3.2 count the parameters and the multiply-accumulate operations (MACs) of a
convolutional network given as a layer list, as for AlexNet (2012). Part 3.3 measures how
the gradient reaching each layer of a deep fully connected network depends on the
activation: the vanishing-gradient problem that ReLU and good initialisation eased.
NumPy and pure Python only: importing torch, scipy or other deep-learning libraries is
not allowed here. Grade your work with `grade exercise 3` (a single part: `grade exercise 3.2`).

A network spec is a list of dicts, applied in order to one example of shape input_shape:

  {"type": "conv", "out_channels": C, "kernel": k, "stride": s, "padding": p, "bias": True}
      like nn.Conv2d(C_in, C, k, stride=s, padding=p, bias=...) with a square k x k kernel;
      "stride" defaults to 1, "padding" to 0, "bias" to True; the input is (C_in, H, W).
  {"type": "maxpool", "kernel": k, "stride": s}
      like nn.MaxPool2d(k, stride=s); if "stride" is absent it equals k (as in PyTorch).
  {"type": "relu"}, {"type": "dropout"}       shape unchanged, no parameters, no MACs.
  {"type": "flatten"}                          (C, H, W) -> (C * H * W,).
  {"type": "linear", "out_features": F, "bias": True}
      like nn.Linear(F_in, F, bias=...) on a 1-D input of F_in features; "bias" defaults to True.

Spatial output size of conv and maxpool: floor((H + 2 p - k) / s) + 1 (maxpool has p = 0).
input_shape is a tuple: (C, H, W) for an image, or (F,) for a network of linear layers only.
"""

import numpy as np


def count_parameters(spec: list, input_shape: tuple) -> int:
    """Number of trainable parameters (weights and biases) of the network, as a Python int.

    The same as sum(p.numel() for p in model.parameters()) for the equivalent nn.Sequential.
    """
    raise NotImplementedError("ex03.1: implement count_parameters")


def count_macs(spec: list, input_shape: tuple) -> int:
    """Multiply-accumulate operations of one forward pass of ONE example, as a Python int.

    Count only the products of the conv and linear layers: a conv layer costs
    C_out * H_out * W_out * (C_in * k * k) MACs, a linear layer F_in * F_out.
    Bias additions, ReLU, pooling, dropout and flatten cost 0.
    """
    raise NotImplementedError("ex03.2: implement count_macs")


def gradient_norms(x: np.ndarray, weights: list, activation: str) -> np.ndarray:
    """Frobenius norm of dL/dW_l for every layer of a deep network without biases.

    x: (N, d_0) float64, a batch (N may be 1).
    weights: list of L float64 arrays, weights[l] of shape (d_{l+1}, d_l) (nn.Linear layout).
    activation: "sigmoid", "tanh" or "relu", applied after EVERY layer, the last one too:
        h_0 = x,  z_l = h_{l-1} @ W_l.T,  h_l = act(z_l),  L = h_L.sum()  (sum, not mean).
    The derivative of relu at 0 is taken as 0.
    Returns a float64 array of shape (L,): entry l is ||dL/dW_l||_F, in layer order
    (entry 0 is the first layer, the one that sees x). Must not modify its inputs.
    """
    raise NotImplementedError("ex03.3: implement gradient_norms")
