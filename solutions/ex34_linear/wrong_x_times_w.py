"""Wrong variant of exercise 34: x @ W instead of x @ W.T (the (in, out) layout of textbooks)."""

PART = "linear_forward"
TITLE = "x @ W вместо x @ W.T: вес прочитан в раскладке (in, out)"
HINTS = (
    "Какая форма у nn.Linear(in, out).weight? Проверьте слой, у которого in ≠ out.",
    "PyTorch хранит вес как (out_features, in_features): каждая строка — веса одного выхода. "
    "На квадратном весе ошибка не даёт исключения, но ответ неверный.",
    "Выход j — скалярное произведение x со строкой j матрицы W, то есть y = x @ W.T + b.",
)


def linear_forward(x, W, b=None):
    y = x @ W
    return y if b is None else y + b
