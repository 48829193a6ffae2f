"""Wrong variant of exercise 13: the first decay happens one epoch too early ((e + 1) // step_size)."""

PART = "step_lr"
TITLE = "StepLR: lr уменьшается на эпоху раньше, (e + 1) // step_size"
HINTS = (
    "Посчитайте вручную для step_size=3: какие эпохи обучаются с исходным lr?",
    "Эпохи нумеруются с нуля, и первые step_size эпох (0, 1, …, step_size−1) идут с base_lr.",
    "Число уже случившихся уменьшений в эпохе e равно e // step_size, без сдвига на единицу.",
)


def step_lr(base_lr, step_size, gamma, epochs):
    e = np.arange(epochs)
    return base_lr * gamma ** ((e + 1) // step_size)
