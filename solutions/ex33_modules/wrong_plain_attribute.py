"""Wrong variant of exercise 33: the statistics are plain tensor attributes, not registered buffers."""

PART = "RunningStandardizer"
TITLE = "статистики — обычные атрибуты-тензоры: их нет в state_dict, .to() их не переносит"
HINTS = (
    "Посмотрите model.state_dict().keys() и model.double().mean.dtype: сохранится ли статистика "
    "в чекпойнте и станет ли она float64?",
    "nn.Module регистрирует тензор, только если это nn.Parameter или он объявлен буфером; обычный "
    "тензор-атрибут для state_dict, .to() и .cuda() невидим.",
    "self.register_buffer(\"mean\", torch.zeros(num_features)) и так же для var и count.",
)


class RunningStandardizer(nn.Module):
    def __init__(self, num_features, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mean = torch.zeros(num_features)
        self.var = torch.ones(num_features)
        self.count = torch.zeros(())

    def forward(self, x):
        if self.training:
            m = x.shape[0]
            total = self.count + m
            delta = x.mean(dim=0) - self.mean
            m2 = self.var * self.count + x.var(dim=0, unbiased=False) * m + delta ** 2 * self.count * m / total
            self.mean = self.mean + delta * m / total
            self.var = m2 / total
            self.count = total
        return (x - self.mean) / torch.sqrt(self.var + self.eps)
