"""Wrong variant of exercise 18: the network ends with a softmax and returns probabilities."""

PART = "SmallCNN"
TITLE = "в конце сети стоит softmax: модель возвращает вероятности, а не логиты"
HINTS = (
    "Сложите выход модели по оси классов: должны ли строки давать в сумме 1?",
    "nn.CrossEntropyLoss сама применяет log-softmax к логитам; softmax внутри модели применился бы дважды.",
    "Последний слой — nn.Linear без активации: верните его выход как есть.",
)


class SmallCNN(SmallCNN):
    def forward(self, x):
        return torch.softmax(super().forward(x), dim=1)
