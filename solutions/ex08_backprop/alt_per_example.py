"""Correct alternative for exercise 8: the backward pass one example at a time (outer products, loops)."""


def mlp_forward_backward(X, Y, W1, b1, W2, b2):
    n, k = Y.shape
    grads = {"X": np.zeros(X.shape), "W1": np.zeros(W1.shape), "b1": np.zeros(b1.shape),
             "W2": np.zeros(W2.shape), "b2": np.zeros(b2.shape)}
    total = 0.0
    for i in range(n):
        z = W1 @ X[i] + b1                      # (H,)
        a = np.tanh(z)
        out = W2 @ a + b2                       # (K,)
        err = out - Y[i]
        total += float(err @ err)
        delta2 = 2.0 * err / (n * k)            # dL/d out for this example
        grads["W2"] += np.outer(delta2, a)
        grads["b2"] += delta2
        delta1 = (W2.T @ delta2) / np.cosh(z) ** 2   # tanh'(z) = 1 / cosh(z)^2
        grads["W1"] += np.outer(delta1, X[i])
        grads["b1"] += delta1
        grads["X"][i] = W1.T @ delta1
    return total / (n * k), grads


def train_gd(X, Y, W1, b1, W2, b2, lr, epochs):
    W1, b1, W2, b2 = (np.array(p, dtype=np.float64) for p in (W1, b1, W2, b2))
    losses = []
    for _ in range(epochs):
        loss, g = mlp_forward_backward(X, Y, W1, b1, W2, b2)
        losses.append(loss)
        W1 = W1 - lr * g["W1"]
        b1 = b1 - lr * g["b1"]
        W2 = W2 - lr * g["W2"]
        b2 = b2 - lr * g["b2"]
    return np.array(losses, dtype=np.float64).reshape(epochs), {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
