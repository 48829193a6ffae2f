"""Wrong variant of ex38: the pooling gradient is written with fancy-index assignment, so repeats overwrite."""

import numpy as np

PART = "max_pool2d_backward"
TITLE = "градиент записан присваиванием: пиксель — максимум нескольких окон — получает один вклад"
HINTS = (
    "При stride = kernel_size ответ верен? Тогда посмотрите, что происходит, когда окна перекрываются.",
    "Один пиксель может быть максимумом нескольких окон; производная суммы — сумма производных, "
    "а grad[idx] = g при повторяющихся idx оставляет только последнее значение.",
    "Накапливайте вклады: np.add.at (или цикл с +=) вместо присваивания по массиву индексов.",
)


def max_pool2d_backward(grad_output, indices, input_shape):
    n, c, h, w = input_shape
    grad = np.zeros((n, c, h * w))
    batch, channel = np.arange(n)[:, None, None], np.arange(c)[None, :, None]
    grad[batch, channel, indices.reshape(n, c, -1)] = grad_output.reshape(n, c, -1)
    return grad.reshape(n, c, h, w)
