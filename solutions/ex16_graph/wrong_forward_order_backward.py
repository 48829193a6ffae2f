"""Wrong variant of exercise 16: the backward pass walks the tape in forward order."""

PART = "graph_forward_backward"
TITLE = "обратный проход идёт в прямом порядке: градиент узла передаётся дальше, пока он ещё не посчитан"
HINTS = (
    "Посмотрите на градиенты входов: не получаются ли у вас нули там, где их быть не должно?",
    "Узел может передать градиент своим аргументам только после того, как получил вклады от всех узлов, "
    "которые его используют, а они стоят в записи ПОЗЖЕ него.",
    "Обходите spec в обратном порядке (reversed(spec)), начиная с выхода.",
)


def graph_forward_backward(spec, inputs, output):
    values = {name: np.asarray(array, dtype=np.float64) for name, array in inputs.items()}
    for name, op, args in spec:
        values[name] = _forward(op, [values[a] for a in args])
    grads = {name: np.zeros_like(value) for name, value in values.items()}
    grads[output] = np.ones_like(values[output])
    for name, op, args in spec:
        contributions = _backward(op, [values[a] for a in args], values[name], grads[name])
        for arg, contribution in zip(args, contributions, strict=True):
            grads[arg] = grads[arg] + contribution
    return values, {name: grads[name] for name in inputs}
