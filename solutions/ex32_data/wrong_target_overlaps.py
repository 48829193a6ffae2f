"""Wrong variant of exercise 32: the target starts at the window's last step, so it overlaps the input."""

PART = "WindowDataset"
TITLE = "цель y начинается с последнего шага окна x и пересекается с ним"
HINTS = (
    "Сравните последний элемент x и первый элемент y у одного и того же примера.",
    "Модель должна предсказывать будущее: первый шаг цели идёт сразу после последнего шага окна.",
    "Если окно — series[s : s + window], то цель — series[s + window : s + window + horizon].",
)


class WindowDataset(WindowDataset):
    def __getitem__(self, index):
        index = operator.index(index)
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(index)
        end = index * self.stride + self.window
        return self.series[end - self.window:end], self.series[end - 1:end - 1 + self.horizon]
