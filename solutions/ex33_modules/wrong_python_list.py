"""Wrong variant of exercise 33: the layers are kept in a plain Python list."""

PART = "MLP"
TITLE = "слои в обычном списке Python: nn.Module их не регистрирует, параметров у модели нет"
HINTS = (
    "Напечатайте list(model.parameters()) и model.state_dict().keys(): что в них?",
    "nn.Module замечает подмодули, присвоенные атрибутом, только если это сам Module; список "
    "Python он не просматривает — ни оптимизатор, ни .to(), ни state_dict слоёв не увидят.",
    "Храните слои в nn.ModuleList.",
)


class MLP(nn.Module):
    def __init__(self, sizes, activation="relu", dropout=0.0):
        super().__init__()
        self.layers = [nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:], strict=False)]
        self.activation = ACTIVATIONS[activation]()
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = self.dropout(self.activation(x))
        return x
