"""Wrong variant of exercise 32: the number of windows does not divide by the stride."""

PART = "WindowDataset"
TITLE = "в числе окон забыт шаг stride: N − window − horizon + 1"
HINTS = (
    "Проверьте длину датасета при stride = 2: начала окон идут через одно.",
    "Начала окон — 0, stride, 2·stride, …, и последнее не больше N − window − horizon; "
    "сколько таких чисел?",
    "Поделите (N − window − horizon) нацело на stride и прибавьте 1.",
)


class WindowDataset(WindowDataset):
    def __len__(self):
        return max(0, len(self.series) - self.window - self.horizon + 1)
