"""Wrong variant of exercise 32: __getitem__ slices without checking the index (no IndexError, no negatives)."""

PART = "WindowDataset"
TITLE = "__getitem__ не проверяет индекс: нет IndexError, отрицательные индексы дают мусор"
HINTS = (
    "Что вернёт ваш датасет для индекса, равного len(dataset)? А для −1?",
    "Срез тензора за пределами ряда не выбрасывает исключение, а тихо даёт короткий или пустой тензор; "
    "отрицательное начало среза отсчитывается от конца ряда, а не от последнего окна.",
    "Переведите отрицательный индекс в index + len(self) и выбросьте IndexError, если индекс "
    "остался вне [0, len).",
)


class WindowDataset(WindowDataset):
    def __getitem__(self, index):
        end = index * self.stride + self.window
        return self.series[end - self.window:end], self.series[end:end + self.horizon]
