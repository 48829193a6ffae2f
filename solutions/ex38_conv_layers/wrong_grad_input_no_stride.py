"""Wrong variant of ex38: grad_x scatters the windows' gradients with step 1, ignoring the stride."""

import numpy as np

PART = "conv2d_backward"
TITLE = "в grad_x окна раскладываются с шагом 1, а не stride"
HINTS = (
    "При stride=1 ответ верен? Тогда ищите ошибку там, где шаг влияет на обратный проход.",
    "Окно выхода (i, j) начинается во входе в строке i*stride и столбце j*stride — туда же должен вернуться "
    "его градиент.",
    "При раскладке градиента окон во вход берите строки p, p + stride, p + 2*stride, ... (срез с шагом stride).",
)


def conv2d_backward(x, weight, grad_output, stride=1, padding=0, groups=1):
    n, c_in, h, w = x.shape
    c_out, c_group, k_h, k_w = weight.shape
    _, _, h_out, w_out = grad_output.shape
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = _windows(x_pad, k_h, k_w, stride)[:, :, :h_out, :w_out]
    windows = windows.reshape(n, groups, c_group, h_out, w_out, k_h, k_w)
    kernels = weight.reshape(groups, c_out // groups, c_group, k_h, k_w)
    grad = grad_output.reshape(n, groups, c_out // groups, h_out, w_out)
    grad_bias = grad_output.sum(axis=(0, 2, 3))
    grad_weight = np.einsum("ngchwpq,ngohw->gocpq", windows, grad).reshape(weight.shape)
    grad_windows = np.einsum("ngohw,gocpq->ngchwpq", grad, kernels).reshape(n, c_in, h_out, w_out, k_h, k_w)
    grad_pad = np.zeros(x_pad.shape)
    for p in range(k_h):
        for q in range(k_w):
            grad_pad[:, :, p:p + h_out, q:q + w_out] += grad_windows[..., p, q]
    return grad_pad[:, :, padding:padding + h, padding:padding + w], grad_weight, grad_bias
