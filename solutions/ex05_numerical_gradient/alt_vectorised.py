"""Correct alternative for exercise 5: steps built from rows of an identity matrix, norms written out."""


def numerical_gradient(f, x, eps=1e-6):
    steps = eps * np.eye(x.size)                  # row i is eps·e_i in flat order
    flat = x.reshape(-1)
    values = [(f((flat + s).reshape(x.shape)) - f((flat - s).reshape(x.shape))) / (2 * eps) for s in steps]
    return np.array(values, dtype=np.float64).reshape(x.shape)


def gradient_check(analytic, numeric):
    if np.shape(analytic) != np.shape(numeric):
        raise ValueError("analytic and numeric must have the same shape")
    top = max(np.max(np.abs(analytic)), np.max(np.abs(numeric)))
    if top == 0:
        return 0.0
    a, n = analytic / top, numeric / top          # rescale first: no overflow or underflow in the squares
    diff = np.sqrt(np.sum((a - n) ** 2))
    return float(diff / (np.sqrt(np.sum(a ** 2)) + np.sqrt(np.sum(n ** 2))))
