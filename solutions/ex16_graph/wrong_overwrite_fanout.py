"""Wrong variant of exercise 16: the backward pass assigns a node's gradient instead of accumulating it."""

PART = "graph_forward_backward"
TITLE = "градиент перезаписывается (=) вместо накопления (+=): при разветвлении теряются вклады"
HINTS = (
    "На цепочке без разветвлений всё верно. Посчитайте вручную градиент y = x·x + x по x: "
    "сколько путей ведёт от x к y?",
    "Если узел используется несколькими узлами, его градиент — сумма вкладов по всем путям (правило "
    "многомерной цепочки), а у вас остаётся только последний.",
    "Начните с нулевых градиентов и прибавляйте каждый вклад к уже накопленному.",
)


def graph_forward_backward(spec, inputs, output):
    values = {name: np.asarray(array, dtype=np.float64) for name, array in inputs.items()}
    for name, op, args in spec:
        values[name] = _forward(op, [values[a] for a in args])
    grads = {name: np.zeros_like(value) for name, value in values.items()}
    grads[output] = np.ones_like(values[output])
    for name, op, args in reversed(spec):
        contributions = _backward(op, [values[a] for a in args], values[name], grads[name])
        for arg, contribution in zip(args, contributions, strict=True):
            grads[arg] = contribution
    return values, {name: grads[name] for name in inputs}
