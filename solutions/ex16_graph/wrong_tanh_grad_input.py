"""Wrong variant of exercise 16: the derivative of tanh computed as 1 - a² from the input a, not the output."""

PART = "graph_forward_backward"
TITLE = "производная tanh как 1 − a² по входу a, а не 1 − tanh²(a)"
HINTS = (
    "Сравните ваш градиент tanh с конечной разностью в точке a = 2: какой знак у 1 − a²?",
    "tanh′(a) = 1 − tanh²(a): в формулу входит выход узла, а не его вход.",
    "В обратном проходе tanh умножайте градиент на 1 − out², где out — сохранённое значение узла.",
)

_correct_backward = _backward


def _backward(op, args, out, grad):
    if op == "tanh":
        return [grad * (1.0 - args[0] ** 2)]
    return _correct_backward(op, args, out, grad)
