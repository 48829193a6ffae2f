"""Correct alternative for exercise 17: an explicit loop over output positions (window times kernel),
counts written as sums over the parts of a layer, and the shift done pixel by pixel."""


def cross_correlate2d(image, kernel):
    k_h, k_w = kernel.shape
    rows, cols = image.shape[0] - k_h + 1, image.shape[1] - k_w + 1
    out = np.empty((rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[i, j] = np.sum(image[i:i + k_h, j:j + k_w] * kernel)
    return out


def dense_params(h, w, c_in, units):
    weights_per_neuron = h * w * c_in
    return sum(weights_per_neuron + 1 for _ in range(units))


def conv_params(c_in, c_out, k_h, k_w, bias=True):
    weights = c_out * c_in * k_h * k_w
    biases = c_out if bias else 0
    return int(weights + biases)


def shift(image, dy, dx):
    h, w = image.shape
    out = np.zeros_like(image, dtype=np.float64)
    for i in range(h):
        for j in range(w):
            src_i, src_j = i - dy, j - dx
            if 0 <= src_i < h and 0 <= src_j < w:
                out[i, j] = image[src_i, src_j]
    return out
