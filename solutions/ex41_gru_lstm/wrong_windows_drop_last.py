"""Wrong variant of exercise 41: the seed's range(N - window - 1) drops the last window."""

import torch

PART = "make_windows"
TITLE = "последнее окно потеряно: N − window − 1 пар вместо N − window (цикл из лабораторной)"
HINTS = (
    "Сколько пар (окно, следующее значение) можно составить из ряда длины 5 при window = 2?",
    "Последняя пара — окно series[N − window − 1 : N − 1] и цель series[N − 1]; цикл "
    "range(N − window − 1) до неё не доходит.",
    "Начала окон пробегают 0, 1, …, N − window − 1 включительно: всего N − window пар.",
)


def make_windows(series, window):
    pairs = [(series[i:i + window], series[i + window]) for i in range(series.shape[0] - window - 1)]
    if not pairs:
        return series.new_zeros((0, window)), series.new_zeros((0,))
    return torch.stack([p[0] for p in pairs]), torch.stack([p[1] for p in pairs])
