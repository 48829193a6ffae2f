"""Correct alternative for exercise 4: einsum for the layer, and the Jacobian filled row by row of the identity."""


def linear_backward(x, W, b, grad_out):
    dx = np.einsum("ki,ij->kj", grad_out, W)
    dW = np.einsum("ki,kj->ij", grad_out, x)
    db = np.einsum("ki->i", grad_out)
    return dx, dW, db


def jacobian(f, x, eps=1e-6):
    n = len(x)
    steps = eps * np.eye(n)
    J = None
    for j in range(n):
        column = (np.asarray(f(x + steps[j])) - np.asarray(f(x - steps[j]))) / (2 * eps)
        if J is None:
            J = np.empty((column.shape[0], n))
        J[:, j] = column
    return J
