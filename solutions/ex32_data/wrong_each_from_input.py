"""Wrong variant of exercise 32: every transform is applied to the original input, only the last counts."""

PART = "Compose"
TITLE = "каждое преобразование применяется к исходному x, и остаётся результат только последнего"
HINTS = (
    "Выход вашего Compose совпадает с выходом одного последнего преобразования. Почему?",
    "В цикле результат каждого шага нужно передавать следующему преобразованию, а не снова брать x.",
    "Присваивайте результат той же переменной, которую подаёте на вход следующему шагу.",
)


class Compose(Compose):
    def __call__(self, x):
        out = x
        for transform in self.transforms:
            out = transform(x)
        return out
