"""Wrong variant of exercise 33: the statistics are updated in eval mode as well."""

PART = "RunningStandardizer"
TITLE = "статистики обновляются и в режиме eval: проверочные данные меняют модель"
HINTS = (
    "Примените модель в режиме eval дважды к одному входу: одинаковы ли выходы и буферы?",
    "В eval модуль должен быть детерминированной функцией: накопленные при обучении статистики "
    "только читаются. Режим хранится во флаге self.training.",
)


class RunningStandardizer(RunningStandardizer):
    def forward(self, x):
        was = self.training
        self.training = True
        try:
            return super().forward(x)
        finally:
            self.training = was
