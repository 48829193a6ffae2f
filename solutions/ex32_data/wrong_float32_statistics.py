"""Wrong variant of exercise 32: torch.tensor(mean) without a dtype makes float32 statistics."""

PART = "Normalize"
TITLE = "статистики созданы через torch.tensor(mean) без dtype: float32 и ошибка ~1e-7"
HINTS = (
    "Какой dtype у torch.tensor([0.485, 0.456])? Сравните ваш результат с ответом в float64.",
    "torch.tensor из списка Python-чисел по умолчанию даёт float32; результат станет float64 "
    "из-за x, но mean и std уже округлены до 7 значащих цифр.",
    "Создавайте статистики с dtype=x.dtype и device=x.device.",
)


class Normalize(Normalize):
    def __call__(self, x):
        mean = torch.tensor(self.mean, device=x.device).view(-1, 1, 1)
        std = torch.tensor(self.std, device=x.device).view(-1, 1, 1)
        return (x - mean) / std
