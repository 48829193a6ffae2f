"""Wrong variant of exercise 9: backward recurses into the parents without a topological order."""

PART = "Value"
TITLE = "обратный проход рекурсивно идёт к родителям без топологического порядка"
HINTS = (
    "Возьмите ромб: b = a * 2, c = a * 3, d = b + c, a = x.tanh(). Сколько раз ваш код "
    "передаёт градиент из a в x и какой grad у a в каждый из этих моментов?",
    "Узел можно обрабатывать (передавать его grad родителям) только один раз и только после того, "
    "как все узлы, которые его используют, уже добавили свои вклады; иначе вклады считаются повторно.",
    "Сначала постройте топологический порядок (обход в глубину, узел добавляется после своих "
    "родителей), затем пройдите его в обратном порядке, вызывая локальный шаг каждого узла один раз.",
)


def backward(self):
    self.grad = 1.0
    _push(self)


def _push(node):
    for parent, local in node._parents:
        parent.grad += local * node.grad
        _push(parent)  # the parent may not have received all of its contributions yet


Value.backward = backward
