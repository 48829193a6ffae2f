"""Wrong variant of ex38: grad_weight and grad_bias averaged over the batch instead of summed."""

import numpy as np

PART = "conv2d_backward"
TITLE = "градиенты весов и смещения усреднены по батчу, а не просуммированы"
HINTS = (
    "Сравните ответ с autograd при N=1 и при N=2: совпадает ли он при одном примере?",
    "grad_output уже содержит всё, что знает потеря (в том числе деление на N, если она — среднее); "
    "каждый пример батча добавляет свой вклад в градиент общего веса.",
    "Складывайте вклады примеров батча в grad_weight и grad_bias, ничего не деля на N.",
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
    # Averaged over the examples of the batch, as if the loss were a mean here too.
    grad_bias = grad_output.mean(axis=0).sum(axis=(1, 2))
    grad_weight = np.einsum("ngchwpq,ngohw->gocpq", windows, grad).reshape(weight.shape) / n
    grad_windows = np.einsum("ngohw,gocpq->ngchwpq", grad, kernels).reshape(n, c_in, h_out, w_out, k_h, k_w)
    grad_pad = np.zeros(x_pad.shape)
    for p in range(k_h):
        for q in range(k_w):
            grad_pad[:, :, p:p + stride * (h_out - 1) + 1:stride, q:q + stride * (w_out - 1) + 1:stride] += \
                grad_windows[..., p, q]
    return grad_pad[:, :, padding:padding + h, padding:padding + w], grad_weight, grad_bias
