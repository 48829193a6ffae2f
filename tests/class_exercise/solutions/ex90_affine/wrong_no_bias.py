"""Wrong variant of the test exercise: the bias is not a registered parameter."""

PART = "Affine"
TITLE = "смещение не зарегистрировано как параметр"
HINTS = ("Что возвращает model.named_parameters()?", "Оберните смещение в nn.Parameter.")


class Affine(nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(out_features, in_features, dtype=torch.float64))
        self.bias = torch.zeros(out_features, dtype=torch.float64)

    def forward(self, x):
        return x @ self.weight.T + self.bias
