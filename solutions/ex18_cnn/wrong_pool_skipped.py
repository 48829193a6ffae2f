"""Wrong variant of exercise 18: pooling layers are skipped, as if they had no effect on the field."""

PART = "receptive_field"
TITLE = "пулинг пропущен: «у него нет весов, значит, поле он не меняет»"
HINTS = (
    "Одна клетка после MaxPool2d(2) зависит от скольких пикселей входа?",
    "Окно пулинга расширяет поле так же, как окно свёртки того же размера, а его шаг увеличивает jump.",
    "Обрабатывайте pool как свёртку с kernel_size, stride = kernel_size по умолчанию и dilation = 1.",
)


def receptive_field(layers):
    size, jump = 1, 1
    for spec in layers:
        if spec["type"] != "conv":
            continue
        k = spec["kernel_size"]
        size += (spec.get("dilation", 1) * (k - 1)) * jump
        jump *= spec.get("stride", 1)
    return size, jump
