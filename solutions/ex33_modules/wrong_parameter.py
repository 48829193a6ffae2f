"""Wrong variant of exercise 33: the statistics are nn.Parameter(requires_grad=False) instead of buffers."""

PART = "RunningStandardizer"
TITLE = "статистики объявлены nn.Parameter: они попадают в parameters() и к оптимизатору"
HINTS = (
    "Что вернёт list(model.parameters())? Что сделает с этими тензорами weight decay оптимизатора?",
    "Параметр — то, что обучается градиентом. Состояние, которое сохраняется и переносится, но не "
    "обучается, — буфер.",
    "Используйте register_buffer вместо nn.Parameter.",
)


class RunningStandardizer(nn.Module):
    def __init__(self, num_features, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.mean = nn.Parameter(torch.zeros(num_features), requires_grad=False)
        self.var = nn.Parameter(torch.ones(num_features), requires_grad=False)
        self.count = nn.Parameter(torch.zeros(()), requires_grad=False)

    def forward(self, x):
        if self.training:
            m = x.shape[0]
            total = self.count + m
            delta = x.mean(dim=0) - self.mean
            m2 = self.var * self.count + x.var(dim=0, unbiased=False) * m + delta ** 2 * self.count * m / total
            self.mean += delta * m / total
            self.var.copy_(m2 / total)
            self.count += m
        return (x - self.mean) / torch.sqrt(self.var + self.eps)
