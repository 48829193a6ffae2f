"""Wrong variant of exercise 9: each node adds its local derivative without the output's grad."""

PART = "Value"
TITLE = "к grad родителя прибавляется только локальная производная, без множителя out.grad"
HINTS = (
    "Сравните графы y = x * 3 и y = (x * 3) * 5: во втором x.grad должен быть в 5 раз больше. Так ли у вас?",
    "Цепное правило: d out / d parent = (d node / d parent) · (d out / d node); второй множитель — "
    "это grad узла, накопленный к моменту его обработки.",
    "Вклад в grad родителя — локальная производная, умноженная на grad текущего узла.",
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
            parent.grad += local


Value.backward = backward
