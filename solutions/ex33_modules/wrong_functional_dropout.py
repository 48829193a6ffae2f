"""Wrong variant of exercise 33: F.dropout without training=self.training — dropout also in eval mode."""

PART = "MLP"
TITLE = "F.dropout(x, p) без training=self.training: dropout работает и в режиме eval"
HINTS = (
    "Вызовите model.eval() и дважды примените модель к одному входу: совпадают ли выходы?",
    "model.eval() меняет только флаг self.training; функция F.dropout о нём не знает, "
    "и её аргумент training по умолчанию True.",
    "Передайте training=self.training или используйте модуль nn.Dropout, который смотрит на флаг сам.",
)


class MLP(nn.Module):
    def __init__(self, sizes, activation="relu", dropout=0.0):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:], strict=False))
        self.activation = ACTIVATIONS[activation]()
        self.p = dropout

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = torch.nn.functional.dropout(self.activation(x), self.p)
        return x
