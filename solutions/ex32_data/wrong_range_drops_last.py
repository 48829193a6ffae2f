"""Wrong variant of exercise 32: the window count of range(0, N - window - horizon, stride) loses the last window."""

PART = "WindowDataset"
TITLE = "число окон считается как len(range(0, N − window − horizon, stride)): последнее окно теряется"
HINTS = (
    "Возьмите ряд из 5 точек, window = 3, horizon = 2: сколько окон в нём помещается?",
    "Окно с началом s помещается, пока s + window + horizon ≤ N, то есть последнее допустимое начало "
    "равно N − window − horizon, и оно тоже должно входить в датасет.",
    "Число окон — это ⌊(N − window − horizon) / stride⌋ + 1 (и 0, если ряд короче window + horizon).",
)


class WindowDataset(WindowDataset):
    def __len__(self):
        return len(range(0, len(self.series) - self.window - self.horizon, self.stride))
