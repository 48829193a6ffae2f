"""Wrong variant of exercise 9: d(x**k)/dx written as k * x**k (the exponent is not lowered)."""

PART = "Value"
TITLE = "производная степени k·x^k вместо k·x^(k−1)"
HINTS = (
    "Проверьте x ** 2 при x = 3: производная равна 6. Что даёт ваш код?",
    "Степенное правило: при дифференцировании показатель степени переходит в множитель и уменьшается на единицу.",
    "Локальная производная x ** k равна k * x ** (k - 1), в том числе для дробных и отрицательных k.",
)


def __pow__(self, k):
    return Value(self.data**k, ((self, k * self.data**k),))


Value.__pow__ = __pow__
