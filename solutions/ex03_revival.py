"""Reference solution of exercise 3: what the deep-learning revival had to pay for, in numbers (topic 3).

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
    total = 0
    for layer, shape_in, _ in _walk(spec, input_shape):
        bias = layer.get("bias", True)
        if layer["type"] == "conv":
            k = layer["kernel"]
            total += layer["out_channels"] * shape_in[0] * k * k + (layer["out_channels"] if bias else 0)
        elif layer["type"] == "linear":
            total += layer["out_features"] * shape_in[0] + (layer["out_features"] if bias else 0)
    return total


def count_macs(spec: list, input_shape: tuple) -> int:
    """Multiply-accumulate operations of one forward pass of ONE example, as a Python int.

    Count only the products of the conv and linear layers: a conv layer costs
    C_out * H_out * W_out * (C_in * k * k) MACs, a linear layer F_in * F_out.
    Bias additions, ReLU, pooling, dropout and flatten cost 0.
    """
    total = 0
    for layer, shape_in, shape_out in _walk(spec, input_shape):
        if layer["type"] == "conv":
            k = layer["kernel"]
            # every output value is one dot product of length C_in * k * k
            total += _prod(shape_out) * shape_in[0] * k * k
        elif layer["type"] == "linear":
            total += shape_in[0] * shape_out[0]
    return total


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
    act, derivative = _ACTIVATIONS[activation]
    # forward pass, keeping the pre-activations z_l for the backward pass
    h, pre = x, []
    for W in weights:
        z = h @ W.T
        pre.append(z)
        h = act(z)
    # backward pass: start from dL/dh_L = 1 and walk the layers from the last to the first
    grad_h = np.ones_like(h)
    norms = np.empty(len(weights))
    for layer in range(len(weights) - 1, -1, -1):
        grad_z = grad_h * derivative(pre[layer])                 # through the elementwise activation
        h_prev = x if layer == 0 else act(pre[layer - 1])
        norms[layer] = np.linalg.norm(grad_z.T @ h_prev)         # dL/dW_l = grad_z^T h_{l-1} (topic 4)
        grad_h = grad_z @ weights[layer]                         # dL/dh_{l-1}
    return norms


def _conv_out(size: int, kernel: int, stride: int, padding: int) -> int:
    """floor((size + 2 padding - kernel) / stride) + 1: the number of window positions."""
    return (size + 2 * padding - kernel) // stride + 1


def _walk(spec, input_shape):
    """Yield (layer, input shape, output shape) for every layer, propagating the shape."""
    shape = tuple(input_shape)
    for layer in spec:
        kind = layer["type"]
        if kind == "conv":
            k, s, p = layer["kernel"], layer.get("stride", 1), layer.get("padding", 0)
            out = (layer["out_channels"], _conv_out(shape[1], k, s, p), _conv_out(shape[2], k, s, p))
        elif kind == "maxpool":
            k = layer["kernel"]
            s = layer.get("stride", k)   # nn.MaxPool2d: stride=None means stride = kernel_size
            out = (shape[0], _conv_out(shape[1], k, s, 0), _conv_out(shape[2], k, s, 0))
        elif kind == "flatten":
            out = (_prod(shape),)
        elif kind == "linear":
            out = (layer["out_features"],)
        elif kind in ("relu", "dropout"):
            out = shape
        else:
            raise ValueError(f"unknown layer type {kind!r}")
        yield layer, shape, out
        shape = out


def _prod(shape) -> int:
    result = 1
    for n in shape:
        result *= int(n)
    return result


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))   # = 1 / (1 + exp(-z)), without overflow


_ACTIVATIONS = {
    "sigmoid": (_sigmoid, lambda z: _sigmoid(z) * (1.0 - _sigmoid(z))),
    "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(np.float64)),
}
