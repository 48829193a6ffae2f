"""Wrong variant of exercise 9: backward does not seed the output's gradient with 1."""

PART = "Value"
TITLE = "backward не ставит out.grad = 1: все градиенты остаются нулями"
HINTS = (
    "С какого числа начинается цепное правило? Чему равна производная выхода по самому себе?",
    "Обратный проход умножает локальные производные на grad узла; если у выхода grad = 0, "
    "то и все произведения равны нулю.",
    "Перед проходом по узлам в обратном топологическом порядке присвойте выходу grad = 1.0.",
)


def backward(self):
    order, visited = [], set()

    def visit(node):
        if node not in visited:
            visited.add(node)
            for parent, _ in node._parents:
                visit(parent)
            order.append(node)

    visit(self)
    for node in reversed(order):
        for parent, local in node._parents:
            parent.grad += local * node.grad


Value.backward = backward
