"""Wrong variant of exercise 33: the activation is applied after the last layer too."""

PART = "MLP"
TITLE = "активация и после последнего слоя: выход (логиты) обрезан ReLU или сжат tanh"
HINTS = (
    "Может ли ваш MLP с ReLU вернуть отрицательное число? А должен?",
    "Последний слой выдаёт логиты или значения регрессии: нелинейность после него "
    "ограничивает область значений модели.",
    "Активация и dropout — только между слоями, после последнего Linear ничего нет.",
)


class MLP(nn.Module):
    def __init__(self, sizes, activation="relu", dropout=0.0):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:], strict=False))
        self.activation = ACTIVATIONS[activation]()
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = self.activation(layer(x))
            if i < len(self.layers) - 1:
                x = self.dropout(x)
        return x
