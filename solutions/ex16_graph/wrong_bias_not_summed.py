"""Wrong variant of exercise 16: the gradient of a broadcast bias is not summed over the rows."""

PART = "graph_forward_backward"
TITLE = "градиент вектора, прибавленного к каждой строке (add с b формы (n,)), не просуммирован по строкам"
HINTS = (
    "Какой формы у вас градиент b1? Он должен совпадать с формой самого b1.",
    "Вектор b прибавлен к каждой из m строк, то есть использован m раз; по правилу разветвления его "
    "градиент — сумма вкладов всех строк.",
    "Для add с b формы (n,) верните в качестве вклада в b сумму градиента по оси 0.",
)

_correct_backward = _backward


def _backward(op, args, out, grad):
    if op == "add":
        return [grad, grad]
    return _correct_backward(op, args, out, grad)
