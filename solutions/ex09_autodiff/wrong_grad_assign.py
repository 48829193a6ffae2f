"""Wrong variant of exercise 9: backward assigns (=) the gradient instead of accumulating (+=) it."""

PART = "Value"
TITLE = "градиент присваивается (=), а не накапливается (+=): узел, использованный дважды, теряет вклад"
HINTS = (
    "Проверьте граф y = x * x при x = 3: чему должен быть равен x.grad и что получается у вас?",
    "Если узел используется в нескольких местах графа, его градиент — сумма вкладов от всех "
    "использований (правило многомерной цепочки); каждое новое присваивание стирает предыдущий вклад.",
    "В обратном проходе прибавляйте вклад к grad родителя (+=), а не записывайте его заново.",
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
    self.grad = 1.0
    for node in reversed(order):
        for parent, local in node._parents:
            parent.grad = local * node.grad


Value.backward = backward
