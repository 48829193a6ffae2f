"""Wrong variant of exercise 13: a smooth exponential gamma ** (e / step_size) instead of steps."""

PART = "step_lr"
TITLE = "StepLR: плавная экспонента gamma ** (e / step_size) вместо ступенек"
HINTS = (
    "Постройте график своих значений: у StepLR он состоит из горизонтальных ступенек.",
    "Внутри одного блока из step_size эпох lr не меняется; деление e / step_size даёт дробный показатель.",
    "Показатель степени — целое число уже прошедших блоков: целочисленное деление.",
)


def step_lr(base_lr, step_size, gamma, epochs):
    e = np.arange(epochs)
    return base_lr * gamma ** (e / step_size)
