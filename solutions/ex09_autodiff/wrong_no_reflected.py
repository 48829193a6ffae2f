"""Wrong variant of exercise 9: no reflected operators, so 2 + x and 3 * x raise TypeError."""

PART = "Value"
TITLE = "нет «отражённых» операторов __radd__, __rmul__, __rsub__, __rtruediv__: 2 + x падает"
HINTS = (
    "Выполните 2 + Value(1.0) и 3 * Value(1.0). Что сообщает Python?",
    "Для 2 + x Python сначала вызывает int.__add__(2, x); тот не знает Value и возвращает "
    "NotImplemented, и тогда Python ищет у правого операнда метод __radd__.",
    "Определите __radd__, __rmul__, __rsub__ и __rtruediv__ через уже написанные операции "
    "(c - x — это Value(c) - x, а не x - c).",
)

del Value.__radd__, Value.__rmul__, Value.__rsub__, Value.__rtruediv__
