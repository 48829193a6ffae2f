"""Wrong variant of ex38: indices count positions in the padded plane (row_pad * W_pad + col_pad)."""

import numpy as np

PART = "max_pool2d_with_indices"
TITLE = "индексы посчитаны в координатах дополненного входа"
HINTS = (
    "При padding=0 индексы верны? Тогда проверьте, от какой точки и с какой шириной строки вы их считаете.",
    "PyTorch нумерует позиции исходного входа H×W, без дополнения: индекс — это номер пикселя x[n, c], "
    "записанного построчно.",
    "Переведите позицию в дополненном входе в исходную: строка − padding, столбец − padding, "
    "и умножайте строку на W, а не на ширину дополненного входа.",
)


def max_pool2d_with_indices(x, kernel_size, stride=None, padding=0, ceil_mode=False):
    stride = kernel_size if stride is None else stride
    n, c, h, w = x.shape
    h_out = _pool_size(h, kernel_size, stride, padding, ceil_mode)
    w_out = _pool_size(w, kernel_size, stride, padding, ceil_mode)
    extra_h = max(0, (h_out - 1) * stride + kernel_size - (h + 2 * padding))
    extra_w = max(0, (w_out - 1) * stride + kernel_size - (w + 2 * padding))
    pads = ((padding, padding + extra_h), (padding, padding + extra_w))
    x_pad = np.pad(x, ((0, 0), (0, 0), *pads), constant_values=-np.inf)
    k = kernel_size
    values = _windows(x_pad, k, k, stride)[:, :, :h_out, :w_out].reshape(n, c, h_out, w_out, k * k)
    best = values.argmax(axis=-1)
    out = np.take_along_axis(values, best[..., None], axis=-1)[..., 0]
    # Row and column of the maximum in the padded plane, flattened with the padded width.
    rows = np.arange(h_out)[:, None] * stride + best // k
    cols = np.arange(w_out) * stride + best % k
    return out, (rows * x_pad.shape[3] + cols).astype(np.int64)
