"""Wrong variant of exercise 9: the derivative of tanh taken as 1 - x² of the input, not 1 - t²."""

PART = "Value"
TITLE = "производная tanh записана как 1 − x² от входа вместо 1 − tanh²(x)"
HINTS = (
    "Проверьте производную tanh в точке x = 2 конечной разностью: она близка к 0.07, а не к −3.",
    "Формула tanh'(x) = 1 − t² верна для t = tanh(x) — выхода узла, а не для его входа.",
    "Сохраните t = math.tanh(x) и используйте 1 − t * t как локальную производную.",
)


def tanh(self):
    t = math.tanh(self.data)
    return Value(t, ((self, 1.0 - self.data**2),))


Value.tanh = tanh
