"""Exercise 8: backpropagation through a two-layer network in NumPy (topic 8).

The network is fixed: X -> Linear(W1, b1) -> tanh -> Linear(W2, b2) -> MSE loss.
Weights follow torch's layout (out_features, in_features), so a layer computes
``A @ W.T + b`` exactly like ``torch.nn.Linear``. The loss is the mean of the squared
errors over all N*K entries, like ``torch.nn.MSELoss()`` (reduction='mean').

Implement the two functions below; each is one part of the exercise. NumPy only:
importing torch, scipy or other deep-learning libraries is not allowed here.
Every input array is float64 and read-only: build new arrays instead of changing them.
Grade your work with `grade exercise 8` (a single part: `grade exercise 8.2`).
"""

import numpy as np


def mlp_forward_backward(X: np.ndarray, Y: np.ndarray, W1: np.ndarray, b1: np.ndarray,
                         W2: np.ndarray, b2: np.ndarray) -> tuple[float, dict[str, np.ndarray]]:
    """Forward and backward pass of the network, for one batch.

    X: (N, D) inputs, Y: (N, K) targets, W1: (H, D), b1: (H,), W2: (K, H), b2: (K,);
    all float64. Forward pass:
        Z1 = X @ W1.T + b1          (N, H)
        A1 = tanh(Z1)               (N, H)
        Yhat = A1 @ W2.T + b2       (N, K)
        loss = mean((Yhat - Y)**2)  over all N*K entries
    Returns ``(loss, grads)``: the loss as a float and a dict with the gradients of the
    loss with respect to every input of the network, keys "X", "W1", "b1", "W2", "b2",
    each a float64 array of the same shape as that argument (what ``loss.backward()``
    would leave in ``.grad``). N may be 1.
    """
    raise NotImplementedError("ex08.1: implement mlp_forward_backward")


def train_gd(X: np.ndarray, Y: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray,
             b2: np.ndarray, lr: float, epochs: int) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Full-batch gradient descent on the network of ``mlp_forward_backward``.

    Starts from the given weights (shapes as in ``mlp_forward_backward``; they are
    read-only, so work on copies) and makes ``epochs`` steps. Step t computes the loss and
    the gradients on the whole (X, Y) at the current weights, records that loss as
    ``losses[t]``, then updates every parameter p <- p - lr * dL/dp, all four from the same
    gradients. This is what ``torch.optim.SGD(params, lr=lr)`` does with
    ``zero_grad(); loss.backward(); step()``.
    Returns ``(losses, params)``: ``losses`` a float64 array of shape (epochs,), ``params``
    a dict with the final "W1", "b1", "W2", "b2" (float64, shapes as given).
    """
    raise NotImplementedError("ex08.2: implement train_gd")
