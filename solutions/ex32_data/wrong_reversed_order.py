"""Wrong variant of exercise 32: Compose applies its transforms from the last to the first."""

PART = "Compose"
TITLE = "преобразования применяются в обратном порядке (как композиция функций f∘g)"
HINTS = (
    "Составьте Compose([отражение, накопленная сумма]) и посчитайте на бумаге для x = (1, 2, 3).",
    "Compose([f, g, h])(x) — это h(g(f(x))): первым к входу применяется первый элемент списка.",
    "Проходите список от начала к концу, подставляя результат предыдущего шага.",
)


class Compose(Compose):
    def __call__(self, x):
        for transform in reversed(self.transforms):
            x = transform(x)
        return x
